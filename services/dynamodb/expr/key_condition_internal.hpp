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

// Checks the collected conditions against the schema and builds the key_condition.
key_condition finish_key_condition(const raw_key_conditions& conditions, const key_schema& schema);

} // namespace cloudbox::services::dynamodb::detail
