// CloudWatch Logs' error catalogue (awsJson1_1: {"__type": code, "message": ...}).
#pragma once

#include "core/aws_error.hpp"

#include <string>

namespace cloudbox::services::logs::errors {

inline core::aws_error group_not_found() {
    return core::aws_error("ResourceNotFoundException", "The specified log group does not exist.",
                           400);
}
inline core::aws_error stream_not_found() {
    return core::aws_error("ResourceNotFoundException", "The specified log stream does not exist.",
                           400);
}
inline core::aws_error already_exists(const std::string& what) {
    return core::aws_error("ResourceAlreadyExistsException",
                           "The specified " + what + " already exists", 400);
}
inline core::aws_error invalid_parameter(const std::string& message) {
    return core::aws_error("InvalidParameterException", message, 400);
}
inline core::aws_error not_null(const std::string& field) {
    return core::aws_error("InvalidParameterException",
                           "1 validation error detected: Value null at '" + field +
                               "' failed to satisfy constraint: Member must not be null",
                           400);
}
inline core::aws_error serialization() {
    return core::aws_error("SerializationException", "", 400);
}
inline core::aws_error unknown_operation() {
    return core::aws_error("UnknownOperationException", "", 400);
}

} // namespace cloudbox::services::logs::errors
