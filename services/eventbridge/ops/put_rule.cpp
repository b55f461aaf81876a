// PutRule: creates or updates a rule; a schedule is armed on the clock at once.
#include "core/time_format.hpp"
#include "eventbridge/events_errors.hpp"
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"
#include "events/schedule_expression.hpp"

namespace cloudbox::services::eventbridge::ops {

json put_rule(events_call& call) {
    const json& in = call.input;
    std::string name = required_string(in, "Name");
    check_rule_name(name);
    std::string bus = event_bus_name(in);
    auto schedule = optional_string(in, "ScheduleExpression");
    auto pattern = optional_string(in, "EventPattern");
    auto state = optional_string(in, "State");
    auto description = optional_string(in, "Description");
    auto role_arn = optional_string(in, "RoleArn");
    if (schedule && schedule->size() > 256) {
        constraint_violation(*schedule, "scheduleExpression",
                             "Member must have length less than or equal to 256");
    }
    if (description && description->size() > 512) {
        constraint_violation(*description, "description",
                             "Member must have length less than or equal to 512");
    }
    if (state && *state != "ENABLED" && *state != "DISABLED" &&
        *state != "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS") {
        constraint_violation(*state, "state",
                             "Member must satisfy enum value set: [ENABLED, DISABLED, "
                             "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
    }
    if ((!schedule || schedule->empty()) && (!pattern || pattern->empty())) {
        throw errors::validation("Parameter(s) EventPattern or ScheduleExpression must be "
                                 "specified.");
    }
    if (schedule && !schedule->empty() &&
        !cloudbox::events::schedule_expression::parse(*schedule)) {
        throw errors::validation("Parameter ScheduleExpression is not valid.");
    }
    if (pattern && !pattern->empty()) {
        auto parsed = json::parse(*pattern, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object()) {
            throw errors::validation("Event pattern is not valid. Reason: Filter is not an object");
        }
    }

    const std::int64_t now_ms = call.svc.clock().now_millis();
    auto existing = call.svc.store().get_rule(call.account, call.region, bus, name);
    rule_record rule = existing.value_or(rule_record{});
    rule.account = call.account;
    rule.region = call.region;
    rule.bus = bus;
    rule.name = name;
    std::string new_schedule = schedule.value_or("");
    std::string new_state = state.value_or("ENABLED");
    // A rate counts its periods from when the schedule was set or the rule enabled.
    if (!existing || existing->schedule != new_schedule || existing->state != new_state) {
        rule.anchor_ms = now_ms;
    }
    rule.schedule = new_schedule;
    rule.event_pattern = pattern.value_or("");
    rule.state = new_state;
    rule.description = description.value_or("");
    rule.role_arn = role_arn.value_or("");
    call.svc.store().put_rule(rule);
    call.svc.schedule(rule);
    return json{{"RuleArn", events_service::rule_arn(rule)}};
}

} // namespace cloudbox::services::eventbridge::ops
