// PutItem: creates or replaces an item, under an optional condition.
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json put_item(ddb_call& call) {
    const json& b = call.body;
    // DynamoDB validates the whole request before it looks the table up, in this order:
    // expression parameters, item values, ReturnValues, item size, Expected, expressions.
    check_expression_parameters(b, request_kind::put_item);
    validate_item(b["Item"]);
    auto return_values = b.value("ReturnValues", "NONE");
    if (return_values != "NONE" && return_values != "ALL_OLD") {
        throw errors::validation("ReturnValues can only be ALL_OLD or NONE");
    }
    json item = normalize_item(b["Item"]);
    check_item_size(item);
    expression_attributes attrs(b.value("ExpressionAttributeNames", json()),
                                b.value("ExpressionAttributeValues", json()));
    auto cond = condition_of(b, attrs);
    attrs.check_all_used();
    auto t = call.table();
    item_key key = key_of_item(*t, item);
    auto index_keys = index_keys_of(*t, item); // index key types are checked before the write
    // Everything that does not need the old item is done before the writer's lock is taken:
    // the lock is what serialises writes, so its hold time bounds PutItem throughput.
    const std::string item_text = item.dump();
    const auto size = static_cast<std::int64_t>(item_size(item));
    const bool streams = t->meta.contains("StreamSpecification");
    const bool need_old = cond || return_values == "ALL_OLD" || streams ||
                          b.value("ReturnConsumedCapacity", "NONE") != "NONE";
    auto now = call.now_ms();
    auto old = call.ddb.store.write([&](item_txn& tx) {
        std::optional<json> old_item;
        if (need_old) {
            if (auto text = tx.get(*t, key.pk, key.sk)) {
                old_item = json::parse(*text);
            }
        }
        if (cond && !evaluate_condition(*cond, old_item ? *old_item : json::object())) {
            throw condition_failed(b, old_item);
        }
        tx.put(*t, key.pk, key.sk, item_text, size, index_keys);
        if (streams) {
            record_change(tx, *t, old_item, item, now, core::new_uuid());
        }
        return old_item;
    });
    json out = json::object();
    if (return_values == "ALL_OLD" && old) {
        out["Attributes"] = *old;
    }
    add_write_response(out, b, *t, old, item);
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
