// Parsing and static validation of DynamoDB expressions, with DynamoDB's messages.
#pragma once

#include "dynamodb/expr/expression_ast.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace cloudbox::services::dynamodb {

using json = nlohmann::json;

// DynamoDB caps each expression at 4 KB.
inline constexpr std::size_t max_expression_length = 4096;
// Parentheses / NOT / path nesting deeper than this is rejected (guards the recursive parser).
inline constexpr int max_expression_depth = 64;
// IN accepts at most 100 values on its right-hand side.
inline constexpr std::size_t max_in_operands = 100;

// The kinds of expression; used as the prefix of messages ("Invalid ConditionExpression: ...").
enum class expression_kind { condition, filter, key_condition, projection, update };
std::string_view expression_name(expression_kind kind); // "ConditionExpression", ...

// ExpressionAttributeNames / ExpressionAttributeValues of one request, shared by every
// expression of that request so the unused check covers them all.
class expression_attributes {
  public:
    // `names` / `values` are the request members, or null when absent. Throws ValidationException:
    //   "ExpressionAttributeNames must not be empty", "ExpressionAttributeValues must not be
    //   empty", "ExpressionAttributeNames contains invalid key: Syntax error; key: \"x\"" (keys
    //   must be
    //   #[A-Za-z0-9_]+), "ExpressionAttributeValues contains invalid key: Syntax error; key:
    //   \"x\"" (:[A-Za-z0-9_]+), "ExpressionAttributeValues contains invalid value: <attribute
    //   value message> for key :v".
    expression_attributes(const json& names, const json& values);
    expression_attributes() : expression_attributes(json(), json()) {}

    bool has_names() const { return names_given_; }
    bool has_values() const { return values_given_; }

    // Substitution used by the parser: the name / value behind a placeholder, recorded as used,
    // or nullptr when the request does not define it (the parser reports that).
    const std::string* name(std::string_view placeholder);
    const json* value(std::string_view placeholder);

    // Call once after parsing every expression of the request (DynamoDB parses Update,
    // Condition, KeyCondition, Filter, then Projection). Throws ValidationException:
    //   "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}";
    //   "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a}".
    // (Names / values given without any expression are rejected earlier by
    // check_expression_parameters in legacy_parameters.hpp.)
    void check_all_used() const;

  private:
    bool names_given_ = false;
    bool values_given_ = false;
    std::map<std::string, std::string, std::less<>> names_;
    std::map<std::string, json, std::less<>> values_;
    std::set<std::string, std::less<>> used_names_;
    std::set<std::string, std::less<>> used_values_;
};

// Each parser throws ValidationException "Invalid <Kind>Expression: <reason>", reasons being:
//   "Syntax error; token: \"<tok>\", near: \"<context>\"" (token "<EOF>" at the end),
//   "The expression can not be empty;",
//   "Expression size has exceeded the maximum allowed size; expression size: N" (> 4 KB),
//   "An expression attribute value used in expression is not defined; attribute value: :v",
//   "An expression attribute name used in the document path is not defined; attribute name: #n",
//   "Attribute name is a reserved keyword; reserved keyword: status",
//   "Invalid function name; function: f",
//   "Incorrect number of operands for operator or function; operator or function: f, number of
//    operands: n",
//   "Incorrect operand type for operator or function; operator or function: f, operand type: T"
//    (literal operands of the wrong type, checked statically),
//   "The function is not allowed to be used this way in an expression; function: f",
//   "Invalid attribute type name found; type: X, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }",
//   "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ...",
//   "The expression contains too many operands for the IN operator; ...",
//   "Two document paths overlap with each other; must remove or rewrite one of these paths; path
//    one: [a], path two: [a, b]" (projection, update), "Two document paths conflict with each
//    other; ..." (update), "The \"SET\" section can only be used once in an update
//    expression;", "Incorrect operand type for operator or function; operator: ADD, operand
//    type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND" (likewise DELETE), and nesting too deep.
// `kind` must be condition or filter for parse_condition.
condition parse_condition(std::string_view text, expression_kind kind,
                          expression_attributes& attributes);
update_expression parse_update(std::string_view text, expression_attributes& attributes);
projection parse_projection(std::string_view text, expression_attributes& attributes);

// True when `word` (any case) is one of DynamoDB's reserved words.
bool is_reserved_word(std::string_view word);

} // namespace cloudbox::services::dynamodb
