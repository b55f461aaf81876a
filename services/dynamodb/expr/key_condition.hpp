// KeyConditionExpression / KeyConditions: the partition key value and an optional sort-key
// range, validated against the table's (or index's) key schema.
#pragma once

#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_parser.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::dynamodb {

using json = nlohmann::json;

// The key schema a Query runs against (table or index). Types are S, N or B.
struct key_schema {
    std::string partition_key;
    attribute_type partition_type = attribute_type::S;
    std::optional<std::string> sort_key;
    attribute_type sort_type = attribute_type::S;
};

enum class sort_key_op { eq, lt, le, gt, ge, between, begins_with };

struct sort_key_condition {
    sort_key_op op = sort_key_op::eq;
    json value;  // the operand (lower bound for BETWEEN, prefix for begins_with)
    json value2; // upper bound for BETWEEN
};

struct key_condition {
    json partition_value;
    std::optional<sort_key_condition> sort;
};

// Parses and validates a KeyConditionExpression. Throws ValidationException with DynamoDB's
// messages, among them "Invalid KeyConditionExpression: Syntax error; ...", "Invalid
// KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR", "Query condition
// missed key schema element: pk", "Query key condition not supported", "KeyConditionExpressions
// must only contain one condition per key", "One or more parameter values were invalid: Condition
// parameter type does not match schema type", and the usual name / value / reserved-word errors.
key_condition parse_key_condition(std::string_view text, expression_attributes& attributes,
                                  const key_schema& schema);

// Whether a sort-key value satisfies the condition.
bool sort_key_matches(const sort_key_condition& cond, const json& value);

// The range of encode_key_bytes() values a sort-key condition selects, for one ordered scan:
// lower / upper absent means unbounded.
struct key_byte_range {
    std::optional<std::string> lower;
    bool lower_inclusive = true;
    std::optional<std::string> upper;
    bool upper_inclusive = true;
};
key_byte_range sort_key_byte_range(const sort_key_condition& cond);

} // namespace cloudbox::services::dynamodb
