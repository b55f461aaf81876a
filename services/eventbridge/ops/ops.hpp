// EventBridge operations, one per file; the dispatch table is in events_service.cpp.
#pragma once

#include "eventbridge/events_service.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::eventbridge::ops {

using nlohmann::json;

json put_rule(events_call& call);
json describe_rule(events_call& call);
json list_rules(events_call& call);
json delete_rule(events_call& call);
json enable_rule(events_call& call);
json disable_rule(events_call& call);
json put_targets(events_call& call);
json remove_targets(events_call& call);
json list_targets_by_rule(events_call& call);

} // namespace cloudbox::services::eventbridge::ops
