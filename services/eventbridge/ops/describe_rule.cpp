// DescribeRule.
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

json rule_json(const rule_record& rule); // list_rules.cpp

json describe_rule(events_call& call) {
    rule_record rule = require_rule(call, "Name");
    json out = rule_json(rule);
    out["CreatedBy"] = rule.account;
    return out;
}

} // namespace cloudbox::services::eventbridge::ops
