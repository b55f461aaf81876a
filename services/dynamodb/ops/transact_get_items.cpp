// TransactGetItems: up to 100 items read from one snapshot, in request order.
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/ops/ops.hpp"

#include <set>

namespace cloudbox::services::dynamodb::ops {

json transact_get_items(ddb_call& call) {
    struct get_request {
        table_ptr table;
        item_key key;
        std::optional<projection> proj;
    };
    std::vector<get_request> gets;
    std::set<std::tuple<std::int64_t, std::string, std::string>> targets;
    for (const auto& entry : call.body["TransactItems"]) {
        const json& g = entry["Get"];
        expression_attributes attrs(g.value("ExpressionAttributeNames", json()), json());
        get_request r;
        if (g.contains("ProjectionExpression")) {
            r.proj = parse_projection(g["ProjectionExpression"].get<std::string>(), attrs);
        }
        attrs.check_all_used();
        r.table = call.table_named(g["TableName"].get<std::string>());
        r.key = key_from_request(*r.table, g["Key"]);
        if (!targets.insert({r.table->id, r.key.pk, r.key.sk}).second) {
            throw errors::validation("Transaction request cannot include multiple operations on "
                                     "one item");
        }
        gets.push_back(std::move(r));
    }
    // One read transaction gives every get the same snapshot (no writer lock taken).
    json responses = call.ddb.store.read([&](item_txn& tx) {
        json out = json::array();
        for (const auto& r : gets) {
            json response = json::object();
            if (auto text = tx.get(*r.table, r.key.pk, r.key.sk)) {
                json item = json::parse(*text);
                response["Item"] = r.proj ? apply_projection(*r.proj, item) : item;
            }
            out.push_back(std::move(response));
        }
        return out;
    });
    json out{{"Responses", responses}};
    if (call.body.value("ReturnConsumedCapacity", "NONE") != "NONE") {
        json capacity = json::array();
        for (const auto& r : gets) {
            capacity.push_back(*consumed_capacity(call.body, *r.table, 2.0));
        }
        out["ConsumedCapacity"] = capacity;
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
