// What the item operations share: conditions (expression or legacy), ReturnValues checks,
// consumed capacity, item collection metrics and stream records.
#pragma once

#include "dynamodb/dynamodb_call.hpp"
#include "dynamodb/dynamodb_keys.hpp"
#include "dynamodb/expr/expression_ast.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/expression_parser.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cloudbox::services::dynamodb {

// ConditionExpression (with the request's names / values) or Expected + ConditionalOperator.
std::optional<condition> condition_of(const json& body, expression_attributes& attrs);

// ReturnValuesOnConditionCheckFailure=ALL_OLD: the failing item travels with the error.
core::aws_error condition_failed(const json& body, const std::optional<json>& old_item);

// ConsumedCapacity for ReturnConsumedCapacity TOTAL / INDEXES (nullopt for NONE).
std::optional<json> consumed_capacity(const json& body, const table_info& t, double units);
// Write units of an item change: 1 per KB of the larger image; read units: 1 per 4 KB (half
// when eventually consistent).
double write_units(std::size_t old_size, std::size_t new_size);
double read_units(std::size_t size, bool consistent);

// ItemCollectionMetrics for ReturnItemCollectionMetrics=SIZE on a table with LSIs.
std::optional<json> item_collection_metrics(const json& body, const table_info& t,
                                            const json& item);

// Appends the INSERT / MODIFY / REMOVE record of a change when the table has a stream (none
// when the item is unchanged).
// `service_delete` marks TTL deletions (userIdentity dynamodb.amazonaws.com).
void record_change(item_txn& tx, const table_info& t, const std::optional<json>& old_item,
                   const std::optional<json>& new_item, std::int64_t now_ms,
                   const std::string& event_id, bool service_delete = false);

// ClientRequestToken idempotency of TransactWriteItems and ExecuteTransaction: within 10 minutes
// the same token replays the stored answer, or fails with IdempotentParameterMismatch when the
// rest of the request differs.
class transaction_token {
  public:
    explicit transaction_token(ddb_call& call);
    // The stored answer of an earlier request with this token, if any.
    std::optional<json> replay() const;
    // Finishes the answer: ConsumedCapacity when asked (2 units per item, as DynamoDB charges a
    // transaction) and, with a token, saves it for replay.
    json finish(json out, const std::vector<const table_info*>& tables, std::int64_t now) const;

  private:
    ddb_call& call_;
    std::string token_;
    std::string request_hash_; // of the request without its token
};

// Writes (or removes when `item` is null) an item and its index entries.
void store_item(item_txn& tx, const table_info& t, const item_key& key,
                const std::optional<json>& item);

// Adds the response members shared by the write operations.
void add_write_response(json& out, const json& body, const table_info& t,
                        const std::optional<json>& old_item, const std::optional<json>& new_item);

} // namespace cloudbox::services::dynamodb
