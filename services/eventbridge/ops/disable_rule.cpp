// DisableRule: the schedule stops firing until the rule is enabled again.
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

json disable_rule(events_call& call) {
    rule_record rule = require_rule(call, "Name");
    rule.state = "DISABLED";
    call.svc.store().put_rule(rule);
    call.svc.unschedule(rule);
    return json::object();
}

} // namespace cloudbox::services::eventbridge::ops
