// BatchWriteItem: up to 25 puts / deletes over several tables, in one transaction.
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/ops/ops.hpp"

#include <set>

namespace cloudbox::services::dynamodb::ops {

namespace {

struct pending_write {
    table_ptr table;
    item_key key;
    std::optional<json> item; // nullopt: delete
};

} // namespace

json batch_write_item(ddb_call& call) {
    const json& b = call.body;
    std::size_t total = 0;
    for (auto it = b["RequestItems"].begin(); it != b["RequestItems"].end(); ++it) {
        total += it.value().size();
    }
    if (total > 25) {
        throw errors::validation(
            "1 validation error detected: Value '" + b["RequestItems"].dump() +
            "' at 'requestItems' failed to satisfy constraint: Map value must satisfy "
            "constraint: [Member must have length less than or equal to 25, Member must have "
            "length greater than or equal to 1]");
    }
    // As DynamoDB: every request's values (and item sizes) are validated before any table is
    // looked up.
    for (auto it = b["RequestItems"].begin(); it != b["RequestItems"].end(); ++it) {
        for (const auto& request : it.value()) {
            if (request.contains("PutRequest") == request.contains("DeleteRequest")) {
                throw errors::validation("Supplied AttributeValue has more than one datatypes "
                                         "set, must contain exactly one of the supported "
                                         "datatypes");
            }
        }
        for (const auto& request : it.value()) {
            if (request.contains("PutRequest")) {
                validate_item(request["PutRequest"]["Item"]);
                check_item_size(normalize_item(request["PutRequest"]["Item"]));
            } else {
                validate_key_values(request["DeleteRequest"]["Key"]);
            }
        }
    }
    std::vector<pending_write> writes;
    std::set<std::tuple<std::int64_t, std::string, std::string>> seen;
    for (auto it = b["RequestItems"].begin(); it != b["RequestItems"].end(); ++it) {
        auto t = call.table_named(it.key());
        for (const auto& request : it.value()) {
            pending_write w{t, {}, std::nullopt};
            if (request.contains("PutRequest")) {
                json item = normalize_item(request["PutRequest"]["Item"]);
                try {
                    w.key = key_of_item(*t, item);
                } catch (const core::aws_error& e) {
                    // BatchWriteItem words a put's missing or mistyped key as a Key's.
                    if (e.message.find("Missing the key") != std::string::npos ||
                        e.message.find("Type mismatch for key") != std::string::npos) {
                        throw errors::validation(
                            "The provided key element does not match the schema");
                    }
                    throw;
                }
                index_keys_of(*t, item);
                w.item = std::move(item);
            } else {
                w.key = key_from_request(*t, request["DeleteRequest"]["Key"]);
            }
            if (!seen.insert({t->id, w.key.pk, w.key.sk}).second) {
                throw errors::validation("Provided list of item keys contains duplicates");
            }
            writes.push_back(std::move(w));
        }
    }
    auto now = call.now_ms();
    call.ddb.store.write([&](item_txn& tx) {
        for (const auto& w : writes) {
            std::optional<json> old;
            if (auto text = tx.get(*w.table, w.key.pk, w.key.sk)) {
                old = json::parse(*text);
            }
            if (!old && !w.item) {
                continue;
            }
            store_item(tx, *w.table, w.key, w.item);
            record_change(tx, *w.table, old, w.item, now, core::new_uuid());
        }
    });
    json out{{"UnprocessedItems", json::object()}};
    if (b.value("ReturnConsumedCapacity", "NONE") != "NONE") {
        json capacity = json::array();
        for (auto it = b["RequestItems"].begin(); it != b["RequestItems"].end(); ++it) {
            auto t = call.table_named(it.key());
            capacity.push_back(*consumed_capacity(b, *t, static_cast<double>(it.value().size())));
        }
        out["ConsumedCapacity"] = capacity;
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
