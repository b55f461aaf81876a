// Reading EventBridge inputs: type checks (SerializationException) and the model's constraints
// (ValidationException with AWS's "1 validation error detected" wording).
#pragma once

#include "eventbridge/events_service.hpp"

#include <optional>
#include <string>

namespace cloudbox::services::eventbridge {

std::optional<std::string> optional_string(const nlohmann::json& input, const char* member);
std::string required_string(const nlohmann::json& input, const char* member);
std::optional<long long> optional_integer(const nlohmann::json& input, const char* member);

// "1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: ..."
[[noreturn]] void constraint_violation(const std::string& value, const std::string& path,
                                       const std::string& constraint);
void check_rule_name(const std::string& name, const std::string& path = "name");
// EventBusName, default "default"; only the default bus exists.
std::string event_bus_name(const nlohmann::json& input);
// The rule named in the input (member "Name" or "Rule"), or ResourceNotFoundException.
rule_record require_rule(events_call& call, const char* member);

} // namespace cloudbox::services::eventbridge
