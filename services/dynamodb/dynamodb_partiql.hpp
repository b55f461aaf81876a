// PartiQL statements on the classic item machinery: a parsed statement bound to its table and
// item key, the write checks (condition, duplicate), the write itself (same store, index and
// stream path as PutItem / UpdateItem / DeleteItem) and SELECT pages (Query or Scan).
#pragma once

#include "dynamodb/dynamodb_call.hpp"
#include "dynamodb/dynamodb_keys.hpp"
#include "dynamodb/partiql/partiql_statement.hpp"

#include <optional>
#include <string>

namespace cloudbox::services::dynamodb {

struct prepared_statement {
    partiql::statement stmt;
    table_ptr table;
    const index_info* index = nullptr;
    // The one item a write, an EXISTS or a single-item SELECT targets.
    std::optional<item_key> key;
    json key_attributes = json::object();
};

// Parses entry["Statement"] with entry["Parameters"] and resolves the table (unknown table:
// "Requested resource not found"). Writes and EXISTS need the full primary key by equality in
// the WHERE clause (else "Where clause does not contain a mandatory equality on all key
// attributes"); `single_item_reads` asks the same of SELECT (BatchExecuteStatement and
// ExecuteTransaction read single items).
prepared_statement prepare_statement(ddb_call& call, const json& entry, bool single_item_reads);

// Why a write (or EXISTS) cannot apply to the current item: "ConditionalCheckFailed",
// "DuplicateItem", or "" when it can.
std::string write_check(const prepared_statement& p, const std::optional<json>& current);
// The item once the statement applied (nullopt: absent); only when write_check passed.
std::optional<json> write_result(const prepared_statement& p, const std::optional<json>& current);
// Whether the statement changes stored data given the current item.
bool writes_item(const prepared_statement& p, const std::optional<json>& current);
// The RETURNING items of an UPDATE / DELETE (empty array without RETURNING).
json returning_items(const prepared_statement& p, const std::optional<json>& before,
                     const std::optional<json>& after);

// The error a failed write check raises outside a transaction. `request` carries
// ReturnValuesOnConditionCheckFailure.
core::aws_error write_check_error(const std::string& code, const json& request,
                                  const std::optional<json>& current);

struct write_outcome {
    std::optional<json> before;
    std::optional<json> after;
    json items = json::array();
};
// Runs one write statement in its own store transaction, recording the stream change.
write_outcome execute_write(ddb_call& call, const prepared_statement& p, const json& request);

// What a single-item SELECT shows of the stored item: nullopt when absent or filtered out by
// the WHERE clause, else the item projected.
std::optional<json> select_view(const prepared_statement& p, const std::optional<json>& stored);
// The item a single-item SELECT names, read outside a transaction.
std::optional<json> read_single_item(ddb_call& call, const prepared_statement& p);

// One ExecuteStatement SELECT page: Items, NextToken / LastEvaluatedKey, ConsumedCapacity.
json execute_select(ddb_call& call, const prepared_statement& p, const json& body);

} // namespace cloudbox::services::dynamodb
