// ListStreams: the streams of the account's tables (optionally one table), by table name.
#include "dynamodb/dynamodb_streams.hpp"
#include "dynamodb/dynamodb_tables.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json list_streams(ddb_call& call) {
    const json& b = call.body;
    std::size_t limit = b.value("Limit", 100);
    auto start = b.value("ExclusiveStartStreamArn", std::string());
    json streams = json::array();
    bool started = start.empty();
    std::optional<std::string> last;
    for (const auto& name : call.ddb.store.list_tables(call.account(), call.region())) {
        if (b.contains("TableName") && b["TableName"] != name) {
            continue;
        }
        auto t = call.ddb.store.find_table(call.account(), call.region(), name);
        if (!t || !t->meta.contains("LatestStreamLabel")) {
            continue;
        }
        auto arn = stream_arn(*t);
        if (!started) {
            started = arn == start;
            continue;
        }
        if (streams.size() == limit) {
            break;
        }
        streams.push_back({{"StreamArn", arn},
                           {"TableName", name},
                           {"StreamLabel", t->meta["LatestStreamLabel"]}});
        last = arn;
    }
    json out{{"Streams", streams}};
    if (streams.size() == limit && last) {
        out["LastEvaluatedStreamArn"] = *last;
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
