// DynamoDB's PartiQL subset: the parsed form of one statement (SELECT, INSERT, UPDATE, DELETE,
// EXISTS) with its `?` parameters already bound, built on the expression library's AST so the
// service evaluates WHERE clauses and applies SET / REMOVE with the classic API's code.
#pragma once

#include "dynamodb/expr/expression_ast.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::dynamodb::partiql {

using json = nlohmann::json;

enum class statement_kind { select, insert, update, remove, exists };

// UPDATE ... RETURNING ALL OLD * and friends (DELETE allows only ALL OLD).
enum class returning_kind { none, all_old, all_new, modified_old, modified_new };

struct statement {
    statement_kind kind = statement_kind::select;
    std::string table;
    std::optional<std::string> index; // SELECT ... FROM "table"."index"
    // SELECT: the projected paths; empty for `*`.
    std::vector<document_path> projection;
    std::optional<condition> where;
    // SELECT ... ORDER BY <attribute> [ASC | DESC].
    std::optional<std::string> order_by;
    bool descending = false;
    // INSERT: the item (attribute name -> AttributeValue).
    json item = json::object();
    // UPDATE: SET / REMOVE / set_add / set_delete as an update expression.
    update_expression update;
    returning_kind returning = returning_kind::none;

    bool is_read() const { return kind == statement_kind::select; }
};

// Prefix of every syntax error, as DynamoDB words it.
inline constexpr std::string_view malformed_prefix =
    "Statement wasn't well formed, can't be processed: ";

// Parses `text`, binding each `?` in order to the next of `parameters` (a JSON array of
// AttributeValues, or null when the request has none). Throws ValidationException:
//   "Statement wasn't well formed, can't be processed: <detail>" for syntax errors (detail
//    "Expected data manipulation" when the statement does not start with a DML keyword),
//   "Number of parameters in request and statement don't match." when the `?` count differs,
//   and the attribute value errors of literals / parameters (validate_attribute_value).
statement parse_statement(std::string_view text, const json& parameters);

// The conjuncts of a top-level AND chain (`a AND (b AND c)` -> a, b, c).
std::vector<const condition*> conjuncts(const condition& where);

// When `c` is `<attribute> = <value>` (either order) naming a top-level attribute, its value.
const json* equality_value(const condition& c, const std::string& attribute);

} // namespace cloudbox::services::dynamodb::partiql
