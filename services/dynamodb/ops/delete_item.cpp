// DeleteItem: removes an item by key, under an optional condition.
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json delete_item(ddb_call& call) {
    const json& b = call.body;
    auto return_values = b.value("ReturnValues", "NONE");
    if (return_values != "NONE" && return_values != "ALL_OLD") {
        throw errors::validation("ReturnValues can only be ALL_OLD or NONE");
    }
    // As DynamoDB: key values, Expected and expressions are validated before the table is looked
    // up.
    check_expression_parameters(b, request_kind::delete_item);
    validate_key_values(b["Key"]);
    expression_attributes attrs(b.value("ExpressionAttributeNames", json()),
                                b.value("ExpressionAttributeValues", json()));
    auto cond = condition_of(b, attrs);
    attrs.check_all_used();
    auto t = call.table();
    item_key key = key_from_request(*t, b["Key"]);
    auto now = call.now_ms();
    auto old = call.ddb.store.write([&](item_txn& tx) {
        std::optional<json> old_item;
        if (auto text = tx.get(*t, key.pk, key.sk)) {
            old_item = json::parse(*text);
        }
        if (cond && !evaluate_condition(*cond, old_item ? *old_item : json::object())) {
            throw condition_failed(b, old_item);
        }
        if (old_item) {
            store_item(tx, *t, key, std::nullopt);
            record_change(tx, *t, old_item, std::nullopt, now, core::new_uuid());
        }
        return old_item;
    });
    json out = json::object();
    if (return_values == "ALL_OLD" && old) {
        out["Attributes"] = *old;
    }
    add_write_response(out, b, *t, old, std::nullopt);
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
