// Internal: key conditions collected per attribute (from an expression or KeyConditions) before
// they are checked against the key schema.
#pragma once

#include "dynamodb/expr/key_condition.hpp"

#include <map>
#include <string>
#include <vector>

namespace cloudbox::services::dynamodb::detail {

struct raw_key_condition {
    sort_key_op op = sort_key_op::eq;
    std::vector<json> values;
};

// Attribute name -> its condition, in name order.
using raw_key_conditions = std::map<std::string, raw_key_condition>;

// The checks of a parsed KeyConditionExpression that need no schema (operators, nesting, one
// condition per key, 1 or 2 conditions): DynamoDB makes them before it looks the table up.
raw_key_conditions collect_key_conditions(const condition& tree);

// The same for KeyConditions (comparison operators, argument counts and types).
raw_key_conditions collect_legacy_key_conditions(const json& key_conditions);

// Checks the collected conditions against the schema and builds the key_condition.
key_condition finish_key_condition(const raw_key_conditions& conditions, const key_schema& schema);

} // namespace cloudbox::services::dynamodb::detail
