// DescribeStream: the stream of a table, with its one shard.
#include "dynamodb/dynamodb_streams.hpp"
#include "dynamodb/dynamodb_tables.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json describe_stream(ddb_call& call) {
    auto arn = call.body["StreamArn"].get<std::string>();
    auto t = table_of_stream(call, arn);
    call.ddb.store.trim_stream_records(call.now_ms() - stream_retention_ms);
    bool enabled = t->meta.contains("StreamSpecification");
    auto first = call.ddb.store.first_stream_sequence(t->id);
    json range{{"StartingSequenceNumber", sequence_text(first == 0 ? 1 : first)}};
    json shard{{"ShardId", shard_id_of(*t)}, {"SequenceNumberRange", range}};
    json d{{"StreamArn", arn},
           {"StreamLabel", t->meta["LatestStreamLabel"]},
           {"StreamStatus", enabled ? "ENABLED" : "DISABLED"},
           {"StreamViewType",
            enabled ? t->meta["StreamSpecification"].value("StreamViewType", "KEYS_ONLY")
                    : "KEYS_ONLY"},
           {"CreationRequestDateTime", t->meta["CreationDateTime"]},
           {"TableName", t->name},
           {"KeySchema", t->meta["KeySchema"]},
           {"Shards", json::array({shard})}};
    if (call.body.contains("ExclusiveStartShardId")) {
        d["Shards"] = json::array();
    }
    return json{{"StreamDescription", d}};
}

} // namespace cloudbox::services::dynamodb::ops
