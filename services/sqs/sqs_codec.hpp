// SQS's two wire protocols, chosen per request: JSON 1.0 (X-Amz-Target: AmazonSQS.Op) and query
// (Action=Op form bodies). Both decode to one canonical input (the JSON protocol's shape) and
// the output (also JSON-shaped) is encoded back, so each operation is written once.
#pragma once

#include "core/aws_error.hpp"
#include "service/request.hpp"
#include "service/response.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace cloudbox::services::sqs {

enum class wire_protocol { json, query };

struct sqs_input {
    wire_protocol protocol = wire_protocol::json;
    std::string action;
    nlohmann::json params = nlohmann::json::object();

    // Typed accessors: a JSON value of the wrong type is a SerializationException; a query
    // value that is not a number is InvalidParameterValue.
    std::optional<std::string> string(const char* name) const;
    std::string required_string(const char* name) const; // MissingParameter when absent
    std::optional<std::int64_t> integer(const char* name) const;
    std::optional<bool> boolean(const char* name) const;
    // A string->string map (Attributes, tags); empty when absent.
    std::map<std::string, std::string> string_map(const char* name) const;
    std::vector<std::string> string_list(const char* name) const;
    const nlohmann::json* member(const char* name) const; // null when absent
};

// The protocol a request speaks (X-Amz-Target present: JSON).
wire_protocol detect_protocol(const service::request& req);

// Decodes the request. Throws aws_error for malformed bodies. For query requests POSTed to the
// queue URL itself (/account/name), QueueUrl is filled from the path.
sqs_input decode_request(const service::request& req);

// Encodes an operation's JSON-shaped output in the request's protocol.
service::response encode_output(const sqs_input& input, const nlohmann::json& output,
                                const std::string& request_id);

// Renders an error in the protocol; JSON errors carry x-amzn-query-error.
service::response encode_error(wire_protocol protocol, const core::aws_error& error,
                               const std::string& request_id);

// Reads an integer field of a JSON-shaped entry (batch entries) with the same rules.
std::optional<std::int64_t> entry_integer(wire_protocol protocol, const nlohmann::json& entry,
                                          const char* name);
std::optional<std::string> entry_string(const nlohmann::json& entry, const char* name);

} // namespace cloudbox::services::sqs
