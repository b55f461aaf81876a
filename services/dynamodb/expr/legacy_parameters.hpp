// The legacy (pre-expression) request parameters, converted to the same ASTs as expressions:
// Expected, AttributeUpdates, KeyConditions, QueryFilter, ScanFilter, AttributesToGet.
#pragma once

#include "dynamodb/expr/expression_ast.hpp"
#include "dynamodb/expr/key_condition.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace cloudbox::services::dynamodb {

using json = nlohmann::json;

// The operations taking expressions, each with its own parameter lists (the order of the lists
// is the order DynamoDB prints them in).
enum class request_kind { get_item, put_item, delete_item, update_item, query, scan };

// Checks the expression-related parameters of a request before anything is parsed. Throws
// ValidationException:
//   "Can not use both expression and non-expression parameters in the same request:
//    Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"
//   "ExpressionAttributeNames can only be specified when using expressions"
//   "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and
//    ConditionExpression are null"
// Expression / non-expression parameters: GetItem {ProjectionExpression} / {AttributesToGet};
// PutItem, DeleteItem {ConditionExpression} / {Expected}; UpdateItem {UpdateExpression,
// ConditionExpression} / {AttributeUpdates, Expected}; Query {ProjectionExpression,
// FilterExpression, KeyConditionExpression} / {AttributesToGet, QueryFilter, ConditionalOperator,
// KeyConditions}; Scan {ProjectionExpression, FilterExpression} / {AttributesToGet, ScanFilter,
// ConditionalOperator}.
void check_expression_parameters(const json& request, request_kind kind);

// Expected + ConditionalOperator (AND when null) -> condition. Each entry: {Value, Exists} or
// {ComparisonOperator, AttributeValueList} (or the deprecated {Value, ComparisonOperator}).
// Throws ValidationException with DynamoDB's messages ("One or more parameter values were
// invalid: Value must be provided when Exists is true for Attribute: a", "... Invalid number of
// argument(s) for the BETWEEN ComparisonOperator", "... ComparisonOperator GT is not valid for
// BOOL AttributeValue type", ...).
condition expected_to_condition(const json& expected, const json& conditional_operator);

// QueryFilter / ScanFilter + ConditionalOperator -> condition (entries are
// {ComparisonOperator, AttributeValueList}).
condition filter_to_condition(const json& filter, const json& conditional_operator);

// AttributeUpdates -> update. PUT = SET, DELETE without Value = REMOVE, DELETE with a set =
// DELETE, ADD of a number / set = ADD, ADD of a list appends (list_append(if_not_exists(a, []),
// v)). Throws ValidationException ("One or more parameter values were invalid: Only DELETE action
// is allowed when no attribute value is specified", "... ADD action is not supported for the type
// S", "... DELETE action with value is not supported for the type N", ...).
update_expression attribute_updates_to_update(const json& attribute_updates);

// KeyConditions -> key_condition, validated against the schema like KeyConditionExpression.
key_condition key_conditions_to_key_condition(const json& key_conditions, const key_schema& schema);

// AttributesToGet -> projection (top-level names). Throws ValidationException for duplicates:
// "One or more parameter values were invalid: Duplicate value in attribute name: a".
projection attributes_to_get_to_projection(const json& attributes_to_get);

} // namespace cloudbox::services::dynamodb
