// DescribeTimeToLive: the table's TTL status and attribute.
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json describe_time_to_live(ddb_call& call) {
    auto t = call.table(true);
    json d{{"TimeToLiveStatus", "DISABLED"}};
    if (t->meta.contains("TimeToLive")) {
        const json& ttl = t->meta["TimeToLive"];
        d["TimeToLiveStatus"] = ttl.value("Enabled", false) ? "ENABLED" : "DISABLED";
        if (ttl.value("Enabled", false)) {
            d["AttributeName"] = ttl["AttributeName"];
        }
    }
    return json{{"TimeToLiveDescription", d}};
}

} // namespace cloudbox::services::dynamodb::ops
