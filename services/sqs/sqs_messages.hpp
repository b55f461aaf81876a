// Shared by the message operations: building a message from a SendMessage(Batch) entry, shaping
// a received message, checking batch envelopes.
#pragma once

#include "sqs/sqs_codec.hpp"
#include "sqs/sqs_engine.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace cloudbox::services::sqs {

// Validates one SendMessage / SendMessageBatch entry against the queue and builds the message
// (body, attributes and their MD5s, FIFO group and deduplication id); `delay` gets the delay in
// seconds. Throws aws_error (per entry in a batch).
message_record build_message(const live_queue& q, wire_protocol protocol,
                             const nlohmann::json& entry, int& delay, const std::string& sender_id);

// The Message structure ReceiveMessage returns, with the requested attributes only.
nlohmann::json message_output(const live_queue& q, const message_record& m,
                              const std::set<std::string>& attribute_names,
                              const std::vector<std::string>& message_attribute_names,
                              const std::string& region);

// The Entries of a batch request: present, 1..10, valid and distinct ids. `entry_shape` names
// the entry in AWS's EmptyBatchRequest message.
const nlohmann::json& batch_entries(const sqs_input& in, const char* entry_shape);

// A Failed entry of a batch response.
nlohmann::json batch_failure(const std::string& id, const core::aws_error& error);

} // namespace cloudbox::services::sqs
