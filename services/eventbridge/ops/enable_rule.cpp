// EnableRule: a rate schedule counts its periods again from now.
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

json enable_rule(events_call& call) {
    rule_record rule = require_rule(call, "Name");
    if (rule.state != "ENABLED") {
        rule.state = "ENABLED";
        rule.anchor_ms = call.svc.clock().now_millis();
        call.svc.store().put_rule(rule);
    }
    call.svc.schedule(rule);
    return json::object();
}

} // namespace cloudbox::services::eventbridge::ops
