// FilterLogEvents: events of a group (some streams, or a prefix) between two times, matching a
// filter pattern of terms (each term, quoted or not, must occur); what `aws logs tail` calls.
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

#include <sstream>

namespace cloudbox::services::logs::ops {

namespace {

std::vector<std::string> terms_of(const std::string& pattern) {
    std::vector<std::string> terms;
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == ' ') {
            ++i;
        } else if (pattern[i] == '"') {
            auto end = pattern.find('"', i + 1);
            terms.push_back(
                pattern.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1));
            i = end == std::string::npos ? pattern.size() : end + 1;
        } else {
            auto end = pattern.find(' ', i);
            terms.push_back(
                pattern.substr(i, end == std::string::npos ? std::string::npos : end - i));
            i = end == std::string::npos ? pattern.size() : end;
        }
    }
    return terms;
}

} // namespace

json filter_log_events(logs_call& call) {
    std::string group = call.optional_string("logGroupName").value_or("");
    if (auto identifier = call.optional_string("logGroupIdentifier")) {
        group = identifier->substr(
            identifier->rfind(':') == std::string::npos ? 0 : identifier->rfind(':') + 1);
    }
    if (group.empty()) {
        throw errors::not_null("logGroupName");
    }
    check_group_name(group);
    int limit = check_limit(call.optional_int("limit"), 10000, 10000);
    if (!call.store.get_group(call.scope(), group)) {
        throw errors::group_not_found();
    }
    event_query q;
    q.group = group;
    if (call.input.contains("logStreamNames") && call.input["logStreamNames"].is_array()) {
        for (const auto& s : call.input["logStreamNames"]) {
            q.streams.push_back(s.get<std::string>());
        }
    }
    q.stream_prefix = call.optional_string("logStreamNamePrefix").value_or("");
    if (!q.streams.empty() && !q.stream_prefix.empty()) {
        throw errors::invalid_parameter(
            "logStreamNames and logStreamNamePrefix are mutually exclusive");
    }
    q.start_ms = call.optional_int("startTime");
    q.end_ms = call.optional_int("endTime");
    if (auto token = call.optional_string("nextToken")) {
        q.after = parse_position(*token);
        if (!q.after) {
            throw errors::invalid_parameter("The specified nextToken is invalid.");
        }
    }
    auto terms = terms_of(call.optional_string("filterPattern").value_or(""));
    q.limit = 1 << 30;
    json events = json::array();
    json out = json::object();
    for (const auto& e : call.store.events(call.scope(), q)) {
        bool match = true;
        for (const auto& t : terms) {
            match = match && e.message.find(t) != std::string::npos;
        }
        if (!match) {
            continue;
        }
        if (static_cast<int>(events.size()) == limit) {
            // The next page starts after the last event returned.
            out["nextToken"] =
                position_token(events.back()["timestamp"].get<std::int64_t>(),
                               std::stoll(events.back()["eventId"].get<std::string>()));
            break;
        }
        events.push_back({{"logStreamName", e.stream},
                          {"timestamp", e.timestamp},
                          {"message", e.message},
                          {"ingestionTime", e.ingestion},
                          {"eventId", std::to_string(e.id)}});
    }
    out["events"] = events;
    out["searchedLogStreams"] = json::array();
    return out;
}

} // namespace cloudbox::services::logs::ops
