// DynamoDB's request shapes (generated from botocore) and the Coral-style checks made on them:
// type errors become SerializationException, constraint errors ValidationException.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace cloudbox::services::dynamodb::model {

extern const char* const model_json_parts[]; // dynamodb_model_data.cpp (generated)

// "dynamodb" or "dynamodbstreams".
bool has_operation(std::string_view api, std::string_view operation);

// Type-checks `body` against the operation's input shape (coercing what Coral coerces: "true"
// strings to booleans, fractional integers down) and then checks its constraints (required,
// lengths, ranges, patterns, enums), throwing DynamoDB's errors.
void check_request(std::string_view api, std::string_view operation, nlohmann::json& body);

} // namespace cloudbox::services::dynamodb::model
