// DynamoDB Streams helpers: ARNs, shard ids, sequence numbers and shard iterators.
#include "dynamodb/dynamodb_streams.hpp"

#include "core/encoding.hpp"
#include "dynamodb/dynamodb_tables.hpp"

#include <cstdio>

namespace cloudbox::services::dynamodb {

std::string sequence_text(std::int64_t sequence) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%021lld", static_cast<long long>(sequence));
    return buf;
}

std::string shard_id_of(const table_info& t) {
    std::string digits;
    for (char c : t.meta.value("LatestStreamLabel", "")) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
        }
    }
    return "shardId-" + digits + "-" + t.meta.value("TableId", "").substr(0, 8);
}

table_ptr table_of_stream(const ddb_call& call, const std::string& arn) {
    auto marker = arn.find("/stream/");
    const std::string prefix =
        "arn:aws:dynamodb:" + call.region() + ":" + call.account() + ":table/";
    auto not_found = [&] {
        return errors::resource_not_found("Requested resource not found: Stream: " + arn +
                                          " not found");
    };
    if (!arn.starts_with(prefix) || marker == std::string::npos) {
        throw not_found();
    }
    auto t = call.ddb.store.find_table(call.account(), call.region(),
                                       arn.substr(prefix.size(), marker - prefix.size()));
    if (!t || !t->meta.contains("LatestStreamLabel") || stream_arn(*t) != arn) {
        throw not_found();
    }
    return t;
}

std::string encode_iterator(const shard_iterator& it) {
    std::string raw = it.stream_arn + "|" + it.shard_id + "|" + std::to_string(it.after_sequence) +
                      "|" + std::to_string(it.issued_ms);
    // AWS's form, <stream arn>|<digit>|<opaque>, which clients' tests match on.
    return it.stream_arn + "|1|" + core::base64_encode(raw);
}

std::optional<shard_iterator> decode_iterator(const std::string& text) {
    auto bar = text.rfind('|');
    if (bar == std::string::npos) {
        return std::nullopt;
    }
    auto raw = core::base64_decode(text.substr(bar + 1));
    if (!raw) {
        return std::nullopt;
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw->size(); ++i) {
        if (i == raw->size() || (*raw)[i] == '|') {
            parts.push_back(raw->substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() != 4) {
        return std::nullopt;
    }
    try {
        return shard_iterator{parts[0], parts[1], std::stoll(parts[2]), std::stoll(parts[3])};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace cloudbox::services::dynamodb
