// ListRules: by name, with NamePrefix and Limit / NextToken paging.
#include "core/encoding.hpp"
#include "eventbridge/events_errors.hpp"
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

// The members DescribeRule and ListRules share, in AWS's order.
json rule_json(const rule_record& rule) {
    json out = {{"Name", rule.name}, {"Arn", events_service::rule_arn(rule)}};
    if (!rule.event_pattern.empty()) {
        out["EventPattern"] = rule.event_pattern;
    }
    if (!rule.schedule.empty()) {
        out["ScheduleExpression"] = rule.schedule;
    }
    out["State"] = rule.state;
    if (!rule.description.empty()) {
        out["Description"] = rule.description;
    }
    if (!rule.role_arn.empty()) {
        out["RoleArn"] = rule.role_arn;
    }
    out["EventBusName"] = rule.bus;
    return out;
}

json list_rules(events_call& call) {
    const json& in = call.input;
    std::string bus = event_bus_name(in);
    std::string prefix = optional_string(in, "NamePrefix").value_or("");
    auto limit = optional_integer(in, "Limit").value_or(100);
    if (limit < 1 || limit > 100) {
        constraint_violation(std::to_string(limit), "limit",
                             "Member must have value less than or equal to 100");
    }
    std::string after;
    if (auto token = optional_string(in, "NextToken")) {
        auto decoded = core::base64_decode(*token);
        if (!decoded) {
            throw errors::validation("The NextToken provided is invalid.");
        }
        after = *decoded;
    }
    auto rules = call.svc.store().list_rules(call.account, call.region, bus, prefix, after,
                                             static_cast<std::size_t>(limit) + 1);
    json out = {{"Rules", json::array()}};
    for (std::size_t i = 0; i < rules.size() && i < static_cast<std::size_t>(limit); ++i) {
        out["Rules"].push_back(rule_json(rules[i]));
    }
    if (rules.size() > static_cast<std::size_t>(limit)) {
        out["NextToken"] = core::base64_encode(rules[static_cast<std::size_t>(limit) - 1].name);
    }
    return out;
}

} // namespace cloudbox::services::eventbridge::ops
