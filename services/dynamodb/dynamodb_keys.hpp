// Key bytes of items: the table's (partition, sort) and each secondary index's, encoded so that
// SQLite's BLOB order is DynamoDB's order.
#pragma once

#include "dynamodb/dynamodb_store.hpp"
#include "dynamodb/expr/expression_ast.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::dynamodb {

struct item_key {
    std::string pk;
    std::string sk; // empty for a table without sort key
};

// The attribute values of a Key request member (DynamoDB checks them before it looks the table
// up): "Supplied AttributeValue is empty, ...", number format, sets.
void validate_key_values(const nlohmann::json& key);

// A Key request member: exactly the table's key attributes with the right types, else
// "The provided key element does not match the schema".
item_key key_from_request(const table_info& t, const nlohmann::json& key);

// The key of a full item (PutItem): "One or more parameter values were invalid: Missing the key
// <name> in the item" and the key type checks.
item_key key_of_item(const table_info& t, const nlohmann::json& item);

// The key attributes of an item (for LastEvaluatedKey, stream Keys, UnprocessedKeys).
nlohmann::json key_attributes(const table_info& t, const nlohmann::json& item);
// Table key plus the index's key attributes.
nlohmann::json index_key_attributes(const table_info& t, const index_info& index,
                                    const nlohmann::json& item);

// Index entries of an item; an item without an index's key attributes is not in that index.
// Throws "One or more parameter values were invalid: Type mismatch for Index Key ..." when an
// index key attribute has the wrong type.
std::vector<index_key> index_keys_of(const table_info& t, const nlohmann::json& item);
std::optional<index_key> index_key_of(const index_info& index, const nlohmann::json& item);

// The paths a read names (projection, filter): a key attribute of the table ("Key: a") or of
// any index ("IndexKey: d") may not be read through '.' or '[]'.
void check_key_paths_scalar(const table_info& t, const std::vector<document_path>& paths);

// The attributes an index projects of an item.
nlohmann::json project_for_index(const table_info& t, const index_info& index,
                                 const nlohmann::json& item);

} // namespace cloudbox::services::dynamodb
