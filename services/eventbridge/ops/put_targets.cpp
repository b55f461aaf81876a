// PutTargets: adds or replaces targets by Id; at most 5 per rule, 10 per call.
#include "eventbridge/events_errors.hpp"
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

namespace {
constexpr std::size_t max_targets_per_rule = 5;
}

json put_targets(events_call& call) {
    rule_record rule = require_rule(call, "Rule");
    auto it = call.input.find("Targets");
    if (it == call.input.end() || it->is_null()) {
        throw errors::validation("1 validation error detected: Value null at 'targets' failed to "
                                 "satisfy constraint: Member must not be null");
    }
    if (!it->is_array()) {
        throw errors::serialization("Unexpected value type for member Targets: expected a list");
    }
    if (it->empty() || it->size() > 10) {
        throw errors::validation("1 validation error detected: Value '" + it->dump() +
                                 "' at 'targets' failed to satisfy constraint: Member must have "
                                 "length less than or equal to 10 and greater than or equal to 1");
    }
    std::vector<target_record> adding;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& t = (*it)[i];
        if (!t.is_object()) {
            throw errors::serialization("Unexpected value type in Targets: expected a structure");
        }
        std::string path = "targets." + std::to_string(i + 1) + ".member.";
        std::string id = required_string(t, "Id");
        check_rule_name(id, path + "id");
        std::string arn = required_string(t, "Arn");
        int inputs = 0;
        if (auto input = optional_string(t, "Input")) {
            ++inputs;
            auto parsed = json::parse(*input, nullptr, false);
            if (parsed.is_discarded()) {
                throw errors::validation("Input is not valid JSON text.");
            }
        }
        if (optional_string(t, "InputPath")) {
            ++inputs;
        }
        if (t.contains("InputTransformer") && !t["InputTransformer"].is_null()) {
            ++inputs;
        }
        if (inputs > 1) {
            throw errors::validation("Only one of Input, InputPath, or InputTransformer must be "
                                     "provided.");
        }
        adding.push_back({id, arn, t.dump()});
    }
    auto existing = call.svc.store().targets(rule);
    std::size_t total = existing.size();
    for (const auto& t : adding) {
        bool replaces = std::any_of(existing.begin(), existing.end(),
                                    [&](const target_record& e) { return e.id == t.id; });
        total += replaces ? 0 : 1;
    }
    if (total > max_targets_per_rule) {
        throw errors::limit_exceeded("The requested resource exceeds the maximum number allowed.");
    }
    for (const auto& t : adding) {
        call.svc.store().put_target(rule, t);
    }
    return json{{"FailedEntryCount", 0}, {"FailedEntries", json::array()}};
}

} // namespace cloudbox::services::eventbridge::ops
