// What a target receives: the event itself, its constant Input, the part InputPath selects, or
// the InputTransformer's template filled from the event.
#pragma once

#include "eventbridge/events_store.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cloudbox::services::eventbridge {

std::string target_payload(const target_record& target, const nlohmann::json& event);

// The value at a JSONPath of the simple form EventBridge takes ($, $.a.b, $.a[0]); nullopt when
// the path is not of that form or selects nothing.
std::optional<nlohmann::json> select_json_path(const nlohmann::json& doc, const std::string& path);

} // namespace cloudbox::services::eventbridge
