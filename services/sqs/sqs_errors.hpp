// SQS's error catalogue: each error carries its query-protocol code (what clients see on both
// protocols) and the JSON protocol's shape name (rendered as __type), as AWS answers them.
#pragma once

#include "core/aws_error.hpp"

#include <string>

namespace cloudbox::services::sqs::errors {

// The JSON __type shape rides along as an extra field; the codec renders it, never as text.
inline core::aws_error make(std::string query_code, std::string json_type, std::string message,
                            int status = 400, bool sender = true) {
    return core::aws_error(std::move(query_code), std::move(message), status, sender)
        .with("__type", std::move(json_type));
}

inline core::aws_error non_existent_queue() {
    return make("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist",
                "The specified queue does not exist.");
}
inline core::aws_error queue_already_exists(const std::string& attribute) {
    return make("QueueAlreadyExists", "QueueNameExists",
                "A queue already exists with the same name and a different value for attribute " +
                    attribute);
}
inline core::aws_error invalid_parameter_value(std::string message) {
    return make("InvalidParameterValue", "InvalidParameterValueException", std::move(message));
}
// "Value X for parameter P is invalid. Reason: R."
inline core::aws_error invalid_value(const std::string& value, const std::string& parameter,
                                     const std::string& reason) {
    return invalid_parameter_value("Value " + value + " for parameter " + parameter +
                                   " is invalid. Reason: " + reason);
}
inline core::aws_error missing_parameter(const std::string& parameter) {
    return make("MissingParameter", "MissingRequiredParameterException",
                "The request must contain the parameter " + parameter + ".");
}
inline core::aws_error invalid_attribute_name(const std::string& name) {
    return make("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
}
// Asking for SSE-KMS (KmsMasterKeyId) and SSE-SQS (SqsManagedSseEnabled=true) in one request.
inline core::aws_error conflicting_encryption() {
    return make("InvalidAttributeName", "InvalidAttributeName",
                "You can use one type of server-side encryption (SSE) at one time. You can either "
                "enable KMS SSE or SQS SSE.");
}
inline core::aws_error invalid_attribute_value(const std::string& name) {
    return make("InvalidAttributeValue", "InvalidAttributeValue",
                "Invalid value for the parameter " + name + ".");
}
inline core::aws_error invalid_attribute_value_message(std::string message) {
    return make("InvalidAttributeValue", "InvalidAttributeValue", std::move(message));
}
inline core::aws_error invalid_message_contents(std::string message) {
    return make("InvalidMessageContents", "InvalidMessageContents", std::move(message));
}
inline core::aws_error receipt_handle_is_invalid(const std::string& handle) {
    return make("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
}
inline core::aws_error message_not_inflight() {
    return make("AWS.SimpleQueueService.MessageNotInflight", "MessageNotInflight",
                "Message does not exist or is not available for visibility timeout change.");
}
inline core::aws_error empty_batch_request(const std::string& entry_shape) {
    return make("AWS.SimpleQueueService.EmptyBatchRequest", "EmptyBatchRequest",
                "There should be at least one " + entry_shape + " in the request.");
}
inline core::aws_error too_many_entries(std::size_t sent) {
    return make("AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                "TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent " +
                    std::to_string(sent) + ".");
}
inline core::aws_error batch_ids_not_distinct(const std::string& id) {
    return make("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "BatchEntryIdsNotDistinct",
                "Id " + id + " repeated.");
}
inline core::aws_error invalid_batch_entry_id() {
    return make("AWS.SimpleQueueService.InvalidBatchEntryId", "InvalidBatchEntryId",
                "A batch entry id can only contain alphanumeric characters, hyphens and "
                "underscores. It can be at most 80 letters long.");
}
inline core::aws_error batch_request_too_long(std::size_t limit, std::size_t sent) {
    return make("AWS.SimpleQueueService.BatchRequestTooLong", "BatchRequestTooLong",
                "Batch requests cannot be longer than " + std::to_string(limit) +
                    " bytes. You have sent " + std::to_string(sent) + " bytes.");
}
inline core::aws_error purge_in_progress(const std::string& queue) {
    return make("AWS.SimpleQueueService.PurgeQueueInProgress", "PurgeQueueInProgress",
                "Only one PurgeQueue operation on " + queue + " is allowed every 60 seconds.", 403);
}
inline core::aws_error over_limit(std::string message) {
    return make("OverLimit", "OverLimit", std::move(message), 403);
}
inline core::aws_error unsupported_operation(std::string message) {
    return make("AWS.SimpleQueueService.UnsupportedOperation", "UnsupportedOperation",
                std::move(message));
}
inline core::aws_error resource_not_found(std::string message) {
    return make("ResourceNotFoundException", "ResourceNotFoundException", std::move(message));
}
inline core::aws_error invalid_address(const std::string& url) {
    return make("InvalidAddress", "InvalidAddress",
                "The address " + url + " is not valid for this endpoint.", 404);
}
// Protocol-level errors.
inline core::aws_error invalid_action(const std::string& action) {
    return make("InvalidAction", "UnknownOperationException",
                "The action " + action + " is not valid for this endpoint.");
}
inline core::aws_error serialization(std::string message) {
    return core::aws_error("SerializationException", std::move(message))
        .with("__type", "com.amazon.coral.service#SerializationException")
        .with("__no_query_header", "1");
}
inline core::aws_error internal_error() {
    return make("InternalError", "InternalError",
                "We encountered an internal error. Please try again.", 500, false);
}

} // namespace cloudbox::services::sqs::errors
