// RemoveTargets: by Id; ids the rule does not have are ignored, as EventBridge does.
#include "eventbridge/events_errors.hpp"
#include "eventbridge/events_input.hpp"
#include "eventbridge/ops/ops.hpp"

namespace cloudbox::services::eventbridge::ops {

json remove_targets(events_call& call) {
    rule_record rule = require_rule(call, "Rule");
    auto it = call.input.find("Ids");
    if (it == call.input.end() || it->is_null()) {
        throw errors::validation("1 validation error detected: Value null at 'ids' failed to "
                                 "satisfy constraint: Member must not be null");
    }
    if (!it->is_array()) {
        throw errors::serialization("Unexpected value type for member Ids: expected a list");
    }
    for (const auto& id : *it) {
        if (!id.is_string()) {
            throw errors::serialization("Unexpected value type in Ids: expected a string");
        }
        call.svc.store().delete_target(rule, id.get<std::string>());
    }
    return json{{"FailedEntryCount", 0}, {"FailedEntries", json::array()}};
}

} // namespace cloudbox::services::eventbridge::ops
