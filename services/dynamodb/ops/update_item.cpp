// UpdateItem: applies an UpdateExpression (or AttributeUpdates) to an item, creating it when
// missing, under an optional condition.
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

namespace {

void check_key_not_updated(const table_info& t, const update_expression& update) {
    for (const auto& path : update.target_paths()) {
        const std::string& name = path.steps.front().name;
        if (name == t.hash.name || (t.range && name == t.range->name)) {
            throw errors::invalid_parameter("Cannot update attribute " + name +
                                            ". This attribute is part of the key");
        }
    }
}

} // namespace

json update_item(ddb_call& call) {
    const json& b = call.body;
    auto return_values = b.value("ReturnValues", "NONE");
    // As DynamoDB: key values, AttributeUpdates, Expected and the expressions are validated
    // before the table is looked up.
    check_expression_parameters(b, request_kind::update_item);
    validate_key_values(b["Key"]);
    std::optional<update_expression> update;
    if (b.contains("AttributeUpdates") && !b.contains("UpdateExpression")) {
        update = attribute_updates_to_update(b["AttributeUpdates"]);
    }
    expression_attributes attrs(b.value("ExpressionAttributeNames", json()),
                                b.value("ExpressionAttributeValues", json()));
    if (b.contains("UpdateExpression")) {
        update = parse_update(b["UpdateExpression"].get<std::string>(), attrs);
    }
    auto cond = condition_of(b, attrs);
    attrs.check_all_used();
    auto t = call.table();
    item_key key = key_from_request(*t, b["Key"]);
    if (update) {
        check_key_not_updated(*t, *update);
    }
    auto now = call.now_ms();
    auto [old_item, new_item] = call.ddb.store.write([&](item_txn& tx) {
        std::optional<json> old;
        if (auto text = tx.get(*t, key.pk, key.sk)) {
            old = json::parse(*text);
        }
        if (cond && !evaluate_condition(*cond, old ? *old : json::object())) {
            throw condition_failed(b, old);
        }
        json base = old ? *old : normalize_item(b["Key"]);
        json updated = update ? apply_update(*update, base) : base;
        check_updated_item_size(updated);
        store_item(tx, *t, key, updated);
        record_change(tx, *t, old, updated, now, core::new_uuid());
        return std::make_pair(old, updated);
    });
    json out = json::object();
    std::vector<document_path> targets =
        update ? update->target_paths() : std::vector<document_path>{};
    if (return_values == "ALL_OLD" && old_item) {
        out["Attributes"] = *old_item;
    } else if (return_values == "ALL_NEW") {
        out["Attributes"] = new_item;
    } else if (return_values == "UPDATED_OLD" && old_item) {
        auto projected = project_paths(targets, *old_item);
        if (!projected.empty()) {
            out["Attributes"] = projected;
        }
    } else if (return_values == "UPDATED_NEW") {
        auto projected = project_paths(targets, new_item);
        if (!projected.empty()) {
            out["Attributes"] = projected;
        }
    }
    add_write_response(out, b, *t, old_item, new_item);
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
