// TransactWriteItems: Put / Update / Delete / ConditionCheck, all or nothing, with
// CancellationReasons in request order and ClientRequestToken idempotency (10 minutes).
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/ops/ops.hpp"

#include <set>

namespace cloudbox::services::dynamodb::ops {

namespace {

enum class action { put, update, remove, check };

struct prepared {
    action kind = action::check;
    const json* request = nullptr;
    table_ptr table;
    item_key key;
    std::optional<condition> cond;
    std::optional<update_expression> update;
    json item; // Put: the new item; Update / Delete / Check: the Key
};

prepared prepare(ddb_call& call, const json& entry) {
    prepared p;
    const char* names[] = {"Put", "Update", "Delete", "ConditionCheck"};
    int found = 0;
    for (int i = 0; i < 4; ++i) {
        if (entry.contains(names[i])) {
            p.kind = static_cast<action>(i);
            p.request = &entry[names[i]];
            ++found;
        }
    }
    if (found != 1) {
        throw errors::validation("TransactItems can only contain one of Check, Put, Update or "
                                 "Delete");
    }
    const json& r = *p.request;
    expression_attributes attrs(r.value("ExpressionAttributeNames", json()),
                                r.value("ExpressionAttributeValues", json()));
    if (p.kind == action::update) {
        p.update = parse_update(r["UpdateExpression"].get<std::string>(), attrs);
    }
    if (r.contains("ConditionExpression")) {
        p.cond = parse_condition(r["ConditionExpression"].get<std::string>(),
                                 expression_kind::condition, attrs);
    }
    attrs.check_all_used();
    p.table = call.table_named(r["TableName"].get<std::string>());
    if (p.kind == action::put) {
        validate_item(r["Item"]);
        p.item = normalize_item(r["Item"]);
        p.key = key_of_item(*p.table, p.item);
        check_item_size(p.item);
        index_keys_of(*p.table, p.item);
    } else {
        p.key = key_from_request(*p.table, r["Key"]);
        p.item = normalize_item(r["Key"]);
    }
    if (p.kind == action::check && !p.cond) {
        throw errors::validation("The ConditionExpression parameter must be specified for a "
                                 "ConditionCheck");
    }
    return p;
}

} // namespace

json transact_write_items(ddb_call& call) {
    const json& b = call.body;
    transaction_token token(call);
    if (auto answer = token.replay()) {
        return *answer;
    }
    std::vector<prepared> items;
    std::set<std::tuple<std::int64_t, std::string, std::string>> targets;
    for (const auto& entry : b["TransactItems"]) {
        items.push_back(prepare(call, entry));
        const auto& p = items.back();
        if (!targets.insert({p.table->id, p.key.pk, p.key.sk}).second) {
            throw errors::validation("Transaction request cannot include multiple operations on "
                                     "one item");
        }
    }
    auto now = call.now_ms();
    call.ddb.store.write([&](item_txn& tx) {
        std::vector<std::optional<json>> olds;
        json reasons = json::array();
        bool cancelled = false;
        for (const auto& p : items) {
            std::optional<json> old;
            if (auto text = tx.get(*p.table, p.key.pk, p.key.sk)) {
                old = json::parse(*text);
            }
            if (p.cond && !evaluate_condition(*p.cond, old ? *old : json::object())) {
                json reason{{"Code", "ConditionalCheckFailed"},
                            {"Message", "The conditional request failed"}};
                if (old &&
                    p.request->value("ReturnValuesOnConditionCheckFailure", "NONE") == "ALL_OLD") {
                    reason["Item"] = *old;
                }
                reasons.push_back(reason);
                cancelled = true;
            } else {
                reasons.push_back({{"Code", "None"}});
            }
            olds.push_back(std::move(old));
        }
        if (cancelled) {
            std::string codes;
            for (const auto& r : reasons) {
                codes += (codes.empty() ? "" : ", ") + r["Code"].get<std::string>();
            }
            auto e = errors::transaction_canceled(codes);
            e.with("CancellationReasons", reasons.dump());
            throw e;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& p = items[i];
            const auto& old = olds[i];
            std::optional<json> next;
            if (p.kind == action::check) {
                continue;
            }
            if (p.kind == action::put) {
                next = p.item;
            } else if (p.kind == action::update) {
                next = apply_update(*p.update, old ? *old : p.item);
                check_updated_item_size(*next);
            } else if (!old) {
                continue;
            }
            store_item(tx, *p.table, p.key, next);
            record_change(tx, *p.table, old, next, now, core::new_uuid());
        }
    });
    std::vector<const table_info*> tables;
    for (const auto& p : items) {
        tables.push_back(p.table.get());
    }
    return token.finish(json::object(), tables, now);
}

} // namespace cloudbox::services::dynamodb::ops
