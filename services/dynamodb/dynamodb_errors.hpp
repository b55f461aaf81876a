// The DynamoDB error catalogue: codes, statuses and messages as DynamoDB returns them.
#pragma once

#include "core/aws_error.hpp"

#include <string>

namespace cloudbox::services::dynamodb::errors {

using core::aws_error;

// Type errors found while deserialising the request (Coral's front end).
inline aws_error serialization(const std::string& message = {}) {
    return aws_error("SerializationException", message, 400);
}
inline aws_error unknown_operation() {
    return aws_error("UnknownOperationException", "", 400);
}
inline aws_error validation(const std::string& message) {
    return aws_error("ValidationException", message, 400);
}
// "One or more parameter values were invalid: ..."
inline aws_error invalid_parameter(const std::string& detail) {
    return validation("One or more parameter values were invalid: " + detail);
}
inline aws_error resource_not_found(const std::string& message = "Requested resource not found") {
    return aws_error("ResourceNotFoundException", message, 400);
}
inline aws_error table_not_found(const std::string& table) {
    return resource_not_found("Requested resource not found: Table: " + table + " not found");
}
inline aws_error resource_in_use(const std::string& message) {
    return aws_error("ResourceInUseException", message, 400);
}
inline aws_error conditional_check_failed() {
    return aws_error("ConditionalCheckFailedException", "The conditional request failed", 400);
}
// PartiQL INSERT of an item that exists.
inline aws_error duplicate_item() {
    return aws_error("DuplicateItemException", "Duplicate primary key exists in table", 400);
}
// PartiQL UPDATE / DELETE / EXISTS whose WHERE clause does not pin one item.
inline aws_error missing_key_equality() {
    return validation("Where clause does not contain a mandatory equality on all key attributes");
}
inline aws_error transaction_canceled(const std::string& reasons) {
    return aws_error("TransactionCanceledException",
                     "Transaction cancelled, please refer cancellation reasons for specific "
                     "reasons [" +
                         reasons + "]",
                     400);
}
inline aws_error idempotent_parameter_mismatch() {
    return aws_error("IdempotentParameterMismatchException",
                     "Request token already used with different request parameters", 400);
}
inline aws_error limit_exceeded(const std::string& message) {
    return aws_error("LimitExceededException", message, 400);
}
inline aws_error expired_iterator(const std::string& message) {
    return aws_error("ExpiredIteratorException", message, 400);
}
inline aws_error trimmed_data(const std::string& message) {
    return aws_error("TrimmedDataAccessException", message, 400);
}
inline aws_error internal(const std::string& message) {
    return aws_error("InternalServerError", message, 500, false);
}

// The __type namespace of each code, as DynamoDB sends it (clients read what follows '#').
inline std::string type_prefix(const std::string& code) {
    if (code == "SerializationException" || code == "UnknownOperationException" ||
        code == "MissingAuthenticationTokenException" || code == "UnrecognizedClientException") {
        return "com.amazon.coral.service#";
    }
    if (code == "ValidationException") {
        return "com.amazon.coral.validate#";
    }
    return "com.amazonaws.dynamodb.v20120810#";
}

} // namespace cloudbox::services::dynamodb::errors
