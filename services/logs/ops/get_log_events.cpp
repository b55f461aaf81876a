// GetLogEvents: one stream's events, from the head or (by default) the tail, with the
// forward/backward tokens the CLI pages with.
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

#include <algorithm>

namespace cloudbox::services::logs::ops {

json get_log_events(logs_call& call) {
    std::string group = call.required_string("logGroupName");
    std::string stream = call.required_string("logStreamName");
    check_group_name(group);
    int limit = check_limit(call.optional_int("limit"), 10000, 10000);
    if (!call.store.get_group(call.scope(), group)) {
        throw errors::group_not_found();
    }
    if (!call.store.get_stream(call.scope(), group, stream)) {
        throw errors::stream_not_found();
    }
    event_query q;
    q.group = group;
    q.streams = {stream};
    q.stream_prefix = stream;
    q.start_ms = call.optional_int("startTime");
    q.end_ms = call.optional_int("endTime");
    q.limit = limit;
    bool from_head = call.input.value("startFromHead", false);
    std::string token = call.optional_string("nextToken").value_or("");
    if (!token.empty()) {
        auto position = token.size() > 2 ? parse_position(token.substr(2)) : std::nullopt;
        if (!position || (token[0] != 'f' && token[0] != 'b') || token[1] != '/') {
            throw errors::invalid_parameter("The specified nextToken is invalid.");
        }
        from_head = token[0] == 'f';
        q.after = position;
    }
    q.descending = !from_head;
    auto events = call.store.events(call.scope(), q);
    if (q.descending) {
        std::reverse(events.begin(), events.end());
    }
    json list = json::array();
    for (const auto& e : events) {
        list.push_back(
            {{"timestamp", e.timestamp}, {"message", e.message}, {"ingestionTime", e.ingestion}});
    }
    // An empty page keeps the token it was asked with, so a follower can poll it.
    std::string first = !events.empty()
                            ? position_token(events.front().timestamp, events.front().id)
                        : q.after ? position_token(q.after->first, q.after->second)
                                  : position_token(0, 0);
    std::string last = !events.empty() ? position_token(events.back().timestamp, events.back().id)
                       : q.after       ? position_token(q.after->first, q.after->second)
                                       : position_token(0, 0);
    return {
        {"events", list}, {"nextForwardToken", "f/" + last}, {"nextBackwardToken", "b/" + first}};
}

} // namespace cloudbox::services::logs::ops
