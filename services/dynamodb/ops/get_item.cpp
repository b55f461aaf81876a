// GetItem: one item by key, optionally projected.
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/dynamodb_keys.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expression_eval.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json get_item(ddb_call& call) {
    const json& b = call.body;
    check_expression_parameters(b, request_kind::get_item);
    validate_key_values(b["Key"]); // before the table is looked up, as DynamoDB
    expression_attributes attrs(b.value("ExpressionAttributeNames", json()), json());
    std::optional<projection> proj;
    if (b.contains("ProjectionExpression")) {
        proj = parse_projection(b["ProjectionExpression"].get<std::string>(), attrs);
    } else if (b.contains("AttributesToGet")) {
        proj = attributes_to_get_to_projection(b["AttributesToGet"]);
    }
    attrs.check_all_used();
    auto t = call.table();
    item_key key = key_from_request(*t, b["Key"]);
    if (proj) {
        check_key_paths_scalar(*t, proj->paths);
    }
    json out = json::object();
    auto text = call.ddb.store.get_item(*t, key.pk, key.sk);
    if (text && !proj && b.value("ReturnConsumedCapacity", "NONE") == "NONE") {
        call.raw_item = std::move(*text); // stored as item.dump(): passed through unparsed
        return out;
    }
    std::size_t size = 0;
    if (text) {
        json item = json::parse(*text);
        size = item_size(item);
        out["Item"] = proj ? apply_projection(*proj, item) : std::move(item);
    }
    if (auto c = consumed_capacity(b, *t, read_units(size, b.value("ConsistentRead", false)))) {
        out["ConsumedCapacity"] = *c;
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
