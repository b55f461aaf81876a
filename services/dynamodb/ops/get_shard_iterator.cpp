// GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER.
#include "dynamodb/dynamodb_streams.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json get_shard_iterator(ddb_call& call) {
    const json& b = call.body;
    auto arn = b["StreamArn"].get<std::string>();
    auto t = table_of_stream(call, arn);
    auto shard = b["ShardId"].get<std::string>();
    if (shard != shard_id_of(*t)) {
        throw errors::resource_not_found("Requested resource not found: Shard does not exist");
    }
    auto type = b["ShardIteratorType"].get<std::string>();
    std::int64_t after = 0;
    if (type == "LATEST") {
        after = call.ddb.store.last_stream_sequence(t->id);
    } else if (type == "AT_SEQUENCE_NUMBER" || type == "AFTER_SEQUENCE_NUMBER") {
        if (!b.contains("SequenceNumber")) {
            throw errors::validation("Must specify SequenceNumber when using " + type +
                                     " ShardIteratorType");
        }
        std::int64_t seq = 0;
        try {
            seq = std::stoll(b["SequenceNumber"].get<std::string>());
        } catch (const std::exception&) {
            throw errors::validation("Invalid SequenceNumber: " +
                                     b["SequenceNumber"].get<std::string>());
        }
        after = type == "AT_SEQUENCE_NUMBER" ? seq - 1 : seq;
    } else if (b.contains("SequenceNumber")) {
        throw errors::validation("Invalid ShardIteratorType: " + type +
                                 " can not be used with a SequenceNumber");
    }
    return json{{"ShardIterator", encode_iterator({arn, shard, after, call.now_ms()})}};
}

} // namespace cloudbox::services::dynamodb::ops
