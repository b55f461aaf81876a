// DescribeLogGroups: by name prefix, paged (limit 1..50, nextToken = the next group's name).
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

namespace cloudbox::services::logs::ops {

json describe_log_groups(logs_call& call) {
    std::string prefix = call.optional_string("logGroupNamePrefix").value_or("");
    if (!prefix.empty()) {
        check_group_name(prefix, "logGroupNamePrefix");
    }
    int limit = check_limit(call.optional_int("limit"), 50, 50);
    std::string token = call.optional_string("nextToken").value_or("");
    json groups = json::array();
    json out = json::object();
    for (const auto& g : call.store.list_groups(call.scope(), prefix)) {
        if (!token.empty() && g.name < token) {
            continue;
        }
        if (static_cast<int>(groups.size()) == limit) {
            out["nextToken"] = g.name;
            break;
        }
        json group = {{"logGroupName", g.name},
                      {"creationTime", g.created_ms},
                      {"metricFilterCount", 0},
                      {"arn", call.group_arn(g.name) + ":*"},
                      {"logGroupArn", call.group_arn(g.name)},
                      {"storedBytes", g.stored_bytes},
                      {"logGroupClass", "STANDARD"}};
        if (g.retention_days) {
            group["retentionInDays"] = *g.retention_days;
        }
        groups.push_back(std::move(group));
    }
    out["logGroups"] = groups;
    return out;
}

} // namespace cloudbox::services::logs::ops
