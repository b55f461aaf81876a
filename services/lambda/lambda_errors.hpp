// Lambda's error catalogue: codes, statuses and messages as AWS returns them (rest-json,
// X-Amzn-ErrorType header, {"Type": "User", "message": ...}).
#pragma once

#include "core/aws_error.hpp"

#include <string>
#include <string_view>

namespace cloudbox::services::lambda::errors {

// The body member holding the text. Lambda's model (and AWS's answers) capitalise it for
// these exceptions, so SDKs read e.g. ResourceNotFoundException's "Message" and nothing else.
inline std::string_view message_key(std::string_view code) {
    return code == "ResourceNotFoundException" || code == "ServiceException" ||
                   code == "ResourceInUseException" || code == "InvalidZipFileException" ||
                   code == "InvalidRuntimeException"
               ? "Message"
               : "message";
}

inline core::aws_error function_not_found(const std::string& arn) {
    return core::aws_error("ResourceNotFoundException", "Function not found: " + arn, 404);
}
inline core::aws_error resource_not_found(const std::string& message) {
    return core::aws_error("ResourceNotFoundException", message, 404);
}
inline core::aws_error function_exists(const std::string& name) {
    return core::aws_error("ResourceConflictException", "Function already exist: " + name, 409);
}
inline core::aws_error conflict(const std::string& message) {
    return core::aws_error("ResourceConflictException", message, 409);
}
inline core::aws_error invalid_parameter(const std::string& message) {
    return core::aws_error("InvalidParameterValueException", message, 400);
}
// Smithy-style constraint failures: "1 validation error detected: Value '...' at 'field'
// failed to satisfy constraint: ...".
inline core::aws_error validation(const std::string& value_repr, const std::string& field,
                                  const std::string& constraint) {
    return core::aws_error("ValidationException",
                           "1 validation error detected: Value " + value_repr + " at '" + field +
                               "' failed to satisfy constraint: " + constraint,
                           400);
}
inline core::aws_error not_null(const std::string& field) {
    return validation("null", field, "Member must not be null");
}
inline core::aws_error invalid_content(const std::string& message) {
    return core::aws_error("InvalidRequestContentException", message, 400);
}
inline core::aws_error too_large(std::uint64_t limit) {
    return core::aws_error("RequestEntityTooLargeException",
                           "Request must be smaller than " + std::to_string(limit) +
                               " bytes for the InvokeFunction operation",
                           413);
}
inline core::aws_error throttled(const std::string& reason) {
    return core::aws_error("TooManyRequestsException", "Rate Exceeded.", 429)
        .with("Reason", reason);
}
inline core::aws_error service_exception(const std::string& message) {
    return core::aws_error("ServiceException", message, 500);
}
inline core::aws_error precondition_failed() {
    return core::aws_error("PreconditionFailedException",
                           "The Revision Id provided does not match the latest Revision Id. Call "
                           "the GetFunction/GetAlias API to retrieve the latest Revision Id",
                           412);
}
inline core::aws_error unknown_operation() {
    return core::aws_error("UnknownOperationException", "Unknown operation", 404);
}

} // namespace cloudbox::services::lambda::errors
