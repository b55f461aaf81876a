// Request rules and XML pieces shared by the bucket listings.
#include "s3/s3_listing.hpp"
#include "s3/s3_text.hpp"

#include "core/encoding.hpp"
#include "core/time_format.hpp"
#include "s3/s3_errors.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace cloudbox::services::s3 {

namespace {

// Version byte of cloudbox's continuation tokens, so a token from elsewhere is refused.
constexpr char token_version = '\x01';

} // namespace

int parse_max_keys(const service::request& req) {
    auto raw = req.query.get("max-keys");
    if (!raw) {
        return max_list_page;
    }
    std::int64_t value = 0;
    const char* first = raw->data();
    const char* last = first + raw->size();
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (raw->empty() || ec != std::errc{} || ptr != last || value > INT32_MAX ||
        value < INT32_MIN) {
        throw errors::max_keys_not_integer(std::string(*raw));
    }
    if (value < 0) {
        throw errors::invalid_list_argument("maxKeys", std::string(*raw));
    }
    return static_cast<int>(value);
}

bool parse_encoding_type(const service::request& req) {
    auto raw = req.query.get("encoding-type");
    if (!raw) {
        return false;
    }
    if (*raw != "url") {
        throw errors::invalid_encoding_type(std::string(*raw));
    }
    return true;
}

std::string s3_url_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (unsigned char c : text) {
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '*' || c == '/';
        if (keep) {
            out.push_back(static_cast<char>(c));
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 0xF]);
        }
    }
    return out;
}

std::string listing_params::encode(const std::string& text) const {
    return url ? s3_url_encode(text) : text;
}

listing_params parse_listing_params(const service::request& req) {
    listing_params out;
    out.url = parse_encoding_type(req);
    out.max_keys = parse_max_keys(req);
    out.prefix = std::string(req.query.get("prefix").value_or(""));
    out.delimiter = std::string(req.query.get("delimiter").value_or(""));
    return out;
}

list_result list_page(s3_call& call, const listing_params& params, std::string start_after) {
    list_request lr;
    lr.prefix = params.prefix;
    lr.delimiter = params.delimiter;
    lr.start_after = std::move(start_after);
    lr.max_keys = std::min(params.max_keys, max_list_page);
    // max-keys=0 answers an empty, untruncated page (observed; s3-tests
    // test_bucket_list_maxkeys_zero).
    if (lr.max_keys <= 0) {
        return {};
    }
    return call.s3.store.list_objects(call.bucket(), lr);
}

void open_listing(protocol::xml_writer& w, std::string_view root, const std::string& bucket,
                  const listing_params& params) {
    w.open(root, s3_xmlns);
    w.element("Name", bucket);
    w.element("Prefix", params.encode(params.prefix));
}

void write_listing_page(protocol::xml_writer& w, const listing_params& params,
                        const list_result& result,
                        const std::function<void(const object_summary&)>& write_entry) {
    w.element("MaxKeys", params.max_keys);
    if (!params.delimiter.empty()) {
        w.element("Delimiter", params.encode(params.delimiter));
    }
    if (params.url) {
        w.element("EncodingType", "url");
    }
    w.element("IsTruncated", result.truncated ? "true" : "false");
    for (const auto& e : result.entries) {
        if (!e.is_prefix) {
            write_entry(e.object);
        }
    }
    write_common_prefixes(w, result, params.url);
}

std::string make_continuation_token(const std::string& last_key) {
    return core::base64_encode(std::string(1, token_version) + last_key);
}

std::optional<std::string> parse_continuation_token(std::string_view token) {
    auto raw = core::base64_decode(token);
    if (!raw || raw->empty() || raw->front() != token_version) {
        return std::nullopt;
    }
    return raw->substr(1);
}

void write_owner(protocol::xml_writer& w) {
    w.open("Owner").element("ID", owner_id).element("DisplayName", owner_display_name).close();
}

void write_summary_fields(protocol::xml_writer& w, const object_summary& o) {
    w.element("LastModified", listing_time(o.last_modified_ms));
    w.element("ETag", quote_etag(o.etag));
    if (o.checksum_algorithm) {
        w.element("ChecksumAlgorithm", *o.checksum_algorithm);
        if (o.checksum_type) {
            w.element("ChecksumType", *o.checksum_type);
        }
    }
    w.element("Size", static_cast<long long>(o.size));
}

void write_list_contents(protocol::xml_writer& w, const object_summary& o, bool url, bool owner) {
    w.open("Contents");
    w.element("Key", url ? s3_url_encode(o.key) : o.key);
    write_summary_fields(w, o);
    if (owner) {
        write_owner(w);
    }
    w.element("StorageClass", o.storage_class);
    w.close();
}

void write_common_prefixes(protocol::xml_writer& w, const list_result& result, bool url) {
    for (const auto& e : result.entries) {
        if (e.is_prefix) {
            w.open("CommonPrefixes").element("Prefix", url ? s3_url_encode(e.prefix) : e.prefix);
            w.close();
        }
    }
}

} // namespace cloudbox::services::s3
