// Evaluation of parsed expressions against an item, with DynamoDB's semantics.
#pragma once

#include "dynamodb/expr/expression_ast.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace cloudbox::services::dynamodb {

using json = nlohmann::json;

// The value at `path` in `item` (an object name -> AttributeValue), or nullptr when any step is
// missing or of the wrong kind (a name step on a non-map, an index on a non-list / past its end).
const json* resolve_path(const json& item, const document_path& path);

// Evaluates a condition on an item (pass an empty object for "no item"). Comparisons between
// different types are false (<> true), a missing attribute makes every comparison false except
// <>, size() of N / BOOL / NULL or of a missing attribute makes the comparison false, contains
// works on S (substring), B (sub-bytes), sets (member) and L (element).
bool evaluate_condition(const condition& cond, const json& item);

// Applies an update to a copy of `item` and returns it. Throws ValidationException:
//   "The provided expression refers to an attribute that does not exist in the item" (a SET
//    operand path missing),
//   "An operand in the update expression has an incorrect data type" (+ / - on non-numbers,
//    list_append on non-lists, ADD / DELETE on mismatching types),
//   "The document path provided in the update expression is invalid for update" (the parent of a
//    SET / REMOVE / ADD / DELETE target missing or not a map / list), and number overflow /
//    precision errors from arithmetic.
// Semantics: SET on a list index past the end appends; REMOVE of list elements uses the original
// indexes and shifts the rest; ADD creates a missing number / set; DELETE of the last set members
// removes the attribute. Actions see the item as it was before the update (operands are read from
// the original item), as in DynamoDB.
json apply_update(const update_expression& update, const json& item);

// The item restricted to `paths` (ProjectionExpression semantics: nested maps keep only the
// projected members, list elements projected by index are compacted in index order, missing
// paths are skipped). Used for projections and ReturnValues UPDATED_OLD / UPDATED_NEW.
json project_paths(const std::vector<document_path>& paths, const json& item);
inline json apply_projection(const projection& proj, const json& item) {
    return project_paths(proj.paths, item);
}

} // namespace cloudbox::services::dynamodb
