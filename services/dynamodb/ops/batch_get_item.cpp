// BatchGetItem: up to 100 keys over several tables, each table with its own projection.
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

#include <set>

namespace cloudbox::services::dynamodb::ops {

json batch_get_item(ddb_call& call) {
    const json& b = call.body;
    std::size_t total = 0;
    for (auto it = b["RequestItems"].begin(); it != b["RequestItems"].end(); ++it) {
        total += it.value()["Keys"].size();
    }
    if (total > 100) {
        throw errors::validation("Too many items requested for the BatchGetItem call");
    }
    // As DynamoDB: every table's projection and key values are validated (and the keys checked
    // for duplicates) before any table is looked up.
    std::vector<std::optional<projection>> projections;
    for (auto it = b["RequestItems"].begin(); it != b["RequestItems"].end(); ++it) {
        const json& request = it.value();
        check_expression_parameters(request, request_kind::get_item);
        expression_attributes attrs(request.value("ExpressionAttributeNames", json()), json());
        std::optional<projection> proj;
        if (request.contains("ProjectionExpression")) {
            proj = parse_projection(request["ProjectionExpression"].get<std::string>(), attrs);
        } else if (request.contains("AttributesToGet")) {
            proj = attributes_to_get_to_projection(request["AttributesToGet"]);
        }
        attrs.check_all_used();
        projections.push_back(std::move(proj));
        std::set<std::string> seen;
        for (const auto& k : request["Keys"]) {
            validate_key_values(k);
            std::string text;
            for (auto a = k.begin(); a != k.end(); ++a) { // json objects iterate in name order
                text += a.key() + '\0' + normalize_attribute_value(a.value()).dump() + '\0';
            }
            if (!seen.insert(text).second) {
                throw errors::validation("Provided list of item keys contains duplicates");
            }
        }
    }
    json responses = json::object();
    json capacity = json::array();
    std::size_t table_index = 0;
    for (auto it = b["RequestItems"].begin(); it != b["RequestItems"].end(); ++it) {
        const json& request = it.value();
        const auto& proj = projections[table_index++];
        auto t = call.table_named(it.key());
        std::set<std::pair<std::string, std::string>> seen;
        json items = json::array();
        double units = 0;
        for (const auto& k : request["Keys"]) {
            item_key key = key_from_request(*t, k);
            if (!seen.insert({key.pk, key.sk}).second) {
                throw errors::validation("Provided list of item keys contains duplicates");
            }
            if (auto text = call.ddb.store.get_item(*t, key.pk, key.sk)) {
                json item = json::parse(*text);
                units += read_units(item_size(item), request.value("ConsistentRead", false));
                items.push_back(proj ? apply_projection(*proj, item) : std::move(item));
            }
        }
        responses[it.key()] = std::move(items);
        if (auto c = consumed_capacity(b, *t, units)) {
            capacity.push_back(*c);
        }
    }
    json out{{"Responses", responses}, {"UnprocessedKeys", json::object()}};
    if (!capacity.empty()) {
        out["ConsumedCapacity"] = capacity;
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
