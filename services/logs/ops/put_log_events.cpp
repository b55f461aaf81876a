// PutLogEvents: events in timestamp order into an existing stream.
#include "logs/logs_validation.hpp"
#include "logs/ops/ops.hpp"

namespace cloudbox::services::logs::ops {

json put_log_events(logs_call& call) {
    std::string group = call.required_string("logGroupName");
    std::string stream = call.required_string("logStreamName");
    check_group_name(group);
    if (!call.input.contains("logEvents") || !call.input["logEvents"].is_array()) {
        throw errors::not_null("logEvents");
    }
    const json& in = call.input["logEvents"];
    if (in.empty() || in.size() > 10000) {
        throw errors::invalid_parameter(
            "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy "
            "constraint: Member must have length greater than or equal to 1");
    }
    std::vector<std::pair<std::int64_t, std::string>> events;
    std::int64_t previous = 0;
    for (const auto& e : in) {
        if (!e.is_object() || !e.contains("timestamp") || !e["timestamp"].is_number_integer() ||
            !e.contains("message") || !e["message"].is_string()) {
            throw errors::serialization();
        }
        std::int64_t ts = e["timestamp"].get<std::int64_t>();
        if (ts < previous) {
            throw errors::invalid_parameter(
                "Log events in a single PutLogEvents request must be in chronological order.");
        }
        previous = ts;
        events.emplace_back(ts, e["message"].get<std::string>());
    }
    if (!call.store.get_group(call.scope(), group)) {
        throw errors::group_not_found();
    }
    if (!call.store.get_stream(call.scope(), group, stream)) {
        throw errors::stream_not_found();
    }
    call.store.append(call.scope(), group, stream, events, call.clock.now_millis());
    return {{"nextSequenceToken", std::to_string(call.clock.now_millis())}};
}

} // namespace cloudbox::services::logs::ops
