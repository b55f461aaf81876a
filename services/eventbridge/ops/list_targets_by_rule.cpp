// ListTargetsByRule: the targets as they were put, in Id order, with Limit / NextToken.
#include "core/encoding.hpp"
#include "eventbridge/events_errors.hpp"
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

json list_targets_by_rule(events_call& call) {
    rule_record rule = require_rule(call, "Rule");
    auto limit = optional_integer(call.input, "Limit").value_or(100);
    if (limit < 1 || limit > 100) {
        constraint_violation(std::to_string(limit), "limit",
                             "Member must have value less than or equal to 100");
    }
    std::string after;
    if (auto token = optional_string(call.input, "NextToken")) {
        auto decoded = core::base64_decode(*token);
        if (!decoded) {
            throw errors::validation("The NextToken provided is invalid.");
        }
        after = *decoded;
    }
    json out = {{"Targets", json::array()}};
    std::size_t listed = 0;
    for (const auto& t : call.svc.store().targets(rule)) {
        if (t.id <= after) {
            continue;
        }
        if (listed == static_cast<std::size_t>(limit)) {
            out["NextToken"] = core::base64_encode(out["Targets"].back()["Id"].get<std::string>());
            break;
        }
        out["Targets"].push_back(json::parse(t.spec));
        ++listed;
    }
    return out;
}

} // namespace cloudbox::services::eventbridge::ops
