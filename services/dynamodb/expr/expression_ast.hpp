// The parsed form of DynamoDB expressions: document paths, operands, conditions, updates,
// projections. Built once by expression_parser (or legacy_parameters), evaluated by
// expression_eval; names and values are already substituted.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace cloudbox::services::dynamodb {

using json = nlohmann::json;

// One step of a document path: an attribute / map key name, or a list index.
struct path_step {
    bool is_index = false;
    std::string name;      // when !is_index (already resolved from #placeholders)
    std::size_t index = 0; // when is_index
    bool operator==(const path_step&) const = default;
};

// `a.b[2].c` -> [a, b, [2], c]. The first step is always a name.
struct document_path {
    std::vector<path_step> steps;
    bool operator==(const document_path&) const = default;
    // DynamoDB's rendering in messages: "[a, b, [2], c]".
    std::string to_string() const;
};

// Something that yields a value: a path (read from the item), a literal (:value), or a function /
// arithmetic over operands.
enum class operand_kind {
    path,          // path
    value,         // value (an AttributeValue)
    size,          // size(args[0])
    if_not_exists, // if_not_exists(args[0] = path, args[1])
    list_append,   // list_append(args[0], args[1])
    plus,          // args[0] + args[1]
    minus,         // args[0] - args[1]
};

struct operand {
    operand_kind kind = operand_kind::value;
    document_path path;
    json value;
    std::vector<operand> args;
};

enum class comparator { eq, ne, lt, le, gt, ge };

enum class condition_kind {
    compare,              // operands[0] <op> operands[1]
    between,              // operands[0] BETWEEN operands[1] AND operands[2]
    in,                   // operands[0] IN (operands[1..])
    and_,                 // children[0] AND children[1]
    or_,                  // children[0] OR children[1]
    not_,                 // NOT children[0]
    attribute_exists,     // operands[0] is a path
    attribute_not_exists, // operands[0] is a path
    attribute_type,       // operands[0] path, operands[1] value {"S": "<type tag>"}
    begins_with,          // operands[0], operands[1]
    contains,             // operands[0], operands[1]
    // Legacy-only (Expected / QueryFilter / ScanFilter): true when operands[0] exists and does
    // not contain operands[1].
    legacy_not_contains,
};

struct condition {
    condition_kind kind = condition_kind::compare;
    comparator op = comparator::eq;
    std::vector<operand> operands;
    std::vector<condition> children;
};

// UpdateExpression: each action in source order, clauses flattened.
enum class update_action_kind { set, remove, add, delete_ };

struct update_action {
    update_action_kind kind = update_action_kind::set;
    document_path path;
    operand value; // SET: the value operand; ADD / DELETE: a literal; REMOVE: unused
};

struct update_expression {
    std::vector<update_action> actions;
    // Made from the legacy AttributeUpdates, whose type errors DynamoDB words differently.
    bool legacy = false;
    // The paths this update writes, in order (for ReturnValues UPDATED_OLD / UPDATED_NEW and the
    // service's "cannot update key attribute" check).
    std::vector<document_path> target_paths() const;
};

// ProjectionExpression / AttributesToGet.
struct projection {
    std::vector<document_path> paths;
};

} // namespace cloudbox::services::dynamodb
