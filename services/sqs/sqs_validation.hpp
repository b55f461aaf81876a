// SQS input rules with AWS's messages: queue names, queue attributes, message bodies, message
// attributes (and the MD5 digests AWS computes over them), batch entry ids.
#pragma once

#include "sqs/sqs_types.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace cloudbox::services::sqs {

void validate_queue_name(const std::string& name);

// Validates (and normalises) attributes for CreateQueue / SetQueueAttributes. Throws
// InvalidAttributeName / InvalidAttributeValue as AWS does.
string_map validate_queue_attributes(const string_map& attributes, bool fifo, bool creating);
// Applies the server-side encryption switch of a CreateQueue / SetQueueAttributes request to the
// queue's attributes: a KMS key turns SSE-SQS off (with KmsDataKeyReusePeriodSeconds 300 unless
// set), SqsManagedSseEnabled=true drops the KMS key, as SQS keeps one kind of SSE at a time.
void apply_encryption_switch(string_map& attributes, const string_map& requested);
// The defaults a new queue starts with.
string_map default_queue_attributes(bool fifo);

// Body: not empty, only the characters XML 1.0 allows, at most max_size bytes (with the
// message attributes counted, as AWS does).
void validate_body(const std::string& body, std::size_t attributes_size, std::size_t max_size);

// MessageAttributes / MessageSystemAttributes: validates names, data types and values; returns
// the total size AWS counts against MaximumMessageSize.
std::size_t validate_message_attributes(const nlohmann::json& attributes, bool system);

// AWS's MD5 of message attributes: names sorted; for each, length-prefixed name, data type,
// a transport byte (1 string/number, 2 binary) and length-prefixed value. Empty when none.
std::string md5_of_attributes(const nlohmann::json& attributes);
std::string md5_hex(const std::string& data);

void validate_batch_entry_id(const std::string& id);

} // namespace cloudbox::services::sqs
