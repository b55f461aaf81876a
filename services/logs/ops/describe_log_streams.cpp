// DescribeLogStreams: by name (prefix) or by last event time, ascending or descending, paged.
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

#include <algorithm>

namespace cloudbox::services::logs::ops {

json describe_log_streams(logs_call& call) {
    std::string group = call.required_string("logGroupName");
    check_group_name(group);
    std::string prefix = call.optional_string("logStreamNamePrefix").value_or("");
    std::string order = call.optional_string("orderBy").value_or("LogStreamName");
    if (order != "LogStreamName" && order != "LastEventTime") {
        throw errors::invalid_parameter("1 validation error detected: Value '" + order +
                                        "' at 'orderBy' failed to satisfy constraint: Member must "
                                        "satisfy enum value set: [LogStreamName, LastEventTime]");
    }
    if (order == "LastEventTime" && !prefix.empty()) {
        throw errors::invalid_parameter(
            "Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    bool descending = call.input.value("descending", false);
    int limit = check_limit(call.optional_int("limit"), 50, 50);
    if (!call.store.get_group(call.scope(), group)) {
        throw errors::group_not_found();
    }
    auto streams = call.store.list_streams(call.scope(), group, prefix);
    if (order == "LastEventTime") {
        std::stable_sort(streams.begin(), streams.end(), [](const auto& a, const auto& b) {
            return a.last_event_ms.value_or(0) < b.last_event_ms.value_or(0);
        });
    }
    if (descending) {
        std::reverse(streams.begin(), streams.end());
    }
    std::size_t start = 0;
    if (auto token = call.optional_string("nextToken")) {
        start = std::strtoul(token->c_str(), nullptr, 10);
    }
    json out = json::object();
    json list = json::array();
    for (std::size_t i = start; i < streams.size(); ++i) {
        if (static_cast<int>(list.size()) == limit) {
            out["nextToken"] = std::to_string(i);
            break;
        }
        const auto& s = streams[i];
        json stream = {{"logStreamName", s.name},
                       {"creationTime", s.created_ms},
                       {"arn", call.group_arn(group) + ":log-stream:" + s.name},
                       {"storedBytes", 0}};
        if (s.first_event_ms) {
            stream["firstEventTimestamp"] = *s.first_event_ms;
            stream["lastEventTimestamp"] = *s.last_event_ms;
            stream["lastIngestionTime"] = *s.last_ingestion_ms;
        }
        list.push_back(std::move(stream));
    }
    out["logStreams"] = list;
    return out;
}

} // namespace cloudbox::services::logs::ops
