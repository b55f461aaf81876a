// UpdateTimeToLive: enables or disables TTL on one attribute.
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json update_time_to_live(ddb_call& call) {
    auto t = call.table(true);
    const json& spec = call.body["TimeToLiveSpecification"];
    bool enable = spec["Enabled"].get<bool>();
    auto attribute = spec["AttributeName"].get<std::string>();
    bool enabled = t->meta.contains("TimeToLive") && t->meta["TimeToLive"].value("Enabled", false);
    if (enable && enabled) {
        throw errors::validation("TimeToLive is already enabled");
    }
    if (!enable && !enabled) {
        throw errors::validation("TimeToLive is already disabled");
    }
    if (!enable && t->meta["TimeToLive"].value("AttributeName", "") != attribute) {
        throw errors::validation(
            "The provided TimeToLive attribute name does not match the current setting");
    }
    table_info updated = *t;
    updated.meta["TimeToLive"] = {{"Enabled", enable}, {"AttributeName", attribute}};
    call.ddb.store.update_table(updated);
    return json{{"TimeToLiveSpecification", {{"Enabled", enable}, {"AttributeName", attribute}}}};
}

} // namespace cloudbox::services::dynamodb::ops
