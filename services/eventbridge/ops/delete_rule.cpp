// DeleteRule: only once its targets are removed; deleting a missing rule succeeds.
#include "eventbridge/events_errors.hpp"
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

json delete_rule(events_call& call) {
    std::string name = required_string(call.input, "Name");
    check_rule_name(name);
    std::string bus = event_bus_name(call.input);
    auto rule = call.svc.store().get_rule(call.account, call.region, bus, name);
    if (!rule) {
        return json::object();
    }
    if (!call.svc.store().targets(*rule).empty()) {
        throw errors::validation("Rule can't be deleted since it has targets.");
    }
    call.svc.unschedule(*rule);
    call.svc.store().delete_rule(*rule);
    return json::object();
}

} // namespace cloudbox::services::eventbridge::ops
