// SES errors with AWS's codes, statuses and messages. v1 (query) and v2 (REST-JSON) use
// different codes for the same condition, so each factory names its API.
#pragma once

#include "core/aws_error.hpp"

#include <string>

namespace cloudbox::services::ses::errors {

using core::aws_error;

// ---- v1 (query protocol) ----

// A required member missing, as AWS's request validation words it.
inline aws_error missing_member(const std::string& member) {
    return aws_error("ValidationError",
                     "1 validation error detected: Value null at '" + member +
                         "' failed to satisfy constraint: Member must not be null");
}
inline aws_error invalid_parameter(std::string message) {
    return aws_error("InvalidParameterValue", std::move(message));
}
inline aws_error validation(std::string message) {
    return aws_error("ValidationError", std::move(message));
}
inline aws_error invalid_action(const std::string& action) {
    return aws_error("InvalidAction",
                     "The action " + action + " is not valid for this web service.");
}
inline aws_error missing_action() {
    return aws_error("MissingAction", "Missing Action");
}
inline aws_error malformed_query() {
    return aws_error("MalformedQueryString", "The request body is not a valid form encoding.");
}
inline aws_error message_rejected(std::string message) {
    return aws_error("MessageRejected", std::move(message));
}
inline aws_error template_does_not_exist(const std::string& name) {
    return aws_error("TemplateDoesNotExist", "Template " + name + " does not exist.");
}
inline aws_error template_already_exists(const std::string& name) {
    return aws_error("AlreadyExists", "Template " + name + " already exists.");
}
inline aws_error invalid_template(std::string message) {
    return aws_error("InvalidTemplate", std::move(message));
}

// ---- v2 (REST-JSON) ----

inline aws_error bad_request(std::string message) {
    return aws_error("BadRequestException", std::move(message));
}
inline aws_error not_found(std::string message) {
    return aws_error("NotFoundException", std::move(message), 404);
}
inline aws_error already_exists(std::string message) {
    return aws_error("AlreadyExistsException", std::move(message));
}
inline aws_error v2_message_rejected(std::string message) {
    return aws_error("MessageRejected", std::move(message));
}

} // namespace cloudbox::services::ses::errors
