// GetRecords: the records after an iterator, up to Limit (1000), with the next iterator.
#include "dynamodb/dynamodb_streams.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

namespace {
constexpr std::int64_t iterator_lifetime_ms = 15 * 60 * 1000; // iterators expire after 15 min
}

json get_records(ddb_call& call) {
    const json& b = call.body;
    auto text = b["ShardIterator"].get<std::string>();
    auto it = decode_iterator(text);
    if (!it) {
        throw errors::validation("Invalid ShardIterator");
    }
    if (call.now_ms() - it->issued_ms > iterator_lifetime_ms) {
        throw errors::expired_iterator(
            "Iterator expired. The iterator was created at time " + std::to_string(it->issued_ms) +
            " while right now the time is " + std::to_string(call.now_ms()));
    }
    auto t = table_of_stream(call, it->stream_arn);
    call.ddb.store.trim_stream_records(call.now_ms() - stream_retention_ms);
    std::size_t limit = b.value("Limit", 1000);
    auto rows = call.ddb.store.stream_records(t->id, it->after_sequence, limit);
    json records = json::array();
    std::int64_t last = it->after_sequence;
    for (const auto& row : rows) {
        json r = json::parse(row.record);
        r["dynamodb"]["SequenceNumber"] = sequence_text(row.sequence);
        records.push_back(std::move(r));
        last = row.sequence;
    }
    json out{{"Records", records}};
    if (t->meta.contains("StreamSpecification") || !rows.empty()) {
        out["NextShardIterator"] =
            encode_iterator({it->stream_arn, it->shard_id, last, call.now_ms()});
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
