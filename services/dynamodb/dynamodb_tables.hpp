// Table definitions: CreateTable's checks, the TableDescription DynamoDB returns, and the key
// bytes of items in the table and its indexes.
#pragma once

#include "dynamodb/dynamodb_call.hpp"

namespace cloudbox::services::dynamodb {

// Validates a CreateTable request (after the model checks) and builds the table.
table_info table_from_create_request(const json& body, const ddb_call& call);

// Parses one index definition (GlobalSecondaryIndexes / LocalSecondaryIndexes member).
index_info index_from_request(const json& index, bool global, const json& definitions);

// The TableDescription of a table (ItemCount, TableSizeBytes and index sizes live).
json describe_table_json(ddb_context& ddb, const table_info& t, const std::string& status);

// "2024-01-01T00:00:00.000" style stream label and the stream ARN of a table.
std::string stream_arn(const table_info& t);

} // namespace cloudbox::services::dynamodb
