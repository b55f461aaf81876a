// EventBridge's error catalogue (awsJson1_1: {"__type": Code, "message": ...}).
#pragma once

#include "core/aws_error.hpp"

#include <string>

namespace cloudbox::services::eventbridge::errors {

inline core::aws_error validation(std::string message) {
    return {"ValidationException", std::move(message)};
}
inline core::aws_error serialization(std::string message) {
    return {"SerializationException", std::move(message)};
}
inline core::aws_error unknown_operation(const std::string& op) {
    return {"UnknownOperationException", op.empty() ? "Missing operation" : ""};
}
inline core::aws_error rule_not_found(const std::string& rule, const std::string& bus) {
    return {"ResourceNotFoundException",
            "Rule " + rule + " does not exist on EventBus " + bus + "."};
}
inline core::aws_error bus_not_found(const std::string& bus) {
    return {"ResourceNotFoundException", "Event bus " + bus + " does not exist."};
}
inline core::aws_error limit_exceeded(std::string message) {
    return {"LimitExceededException", std::move(message)};
}

} // namespace cloudbox::services::eventbridge::errors
