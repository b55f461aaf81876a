// Query: one partition of the table or an index, as one ordered range scan of the store.
#include "dynamodb/dynamodb_read.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/key_condition.hpp"
#include "dynamodb/expr/key_condition_internal.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

#include <set>

namespace cloudbox::services::dynamodb::ops {

namespace {

attribute_type key_type(const std::string& tag) {
    return tag == "N" ? attribute_type::N : tag == "B" ? attribute_type::B : attribute_type::S;
}

key_schema schema_of(const key_attribute& hash, const std::optional<key_attribute>& range) {
    key_schema s;
    s.partition_key = hash.name;
    s.partition_type = key_type(hash.type);
    if (range) {
        s.sort_key = range->name;
        s.sort_type = key_type(range->type);
    }
    return s;
}

sort_range range_of(const key_condition& kc) {
    sort_range r;
    if (!kc.sort) {
        return r;
    }
    auto bytes = sort_key_byte_range(*kc.sort);
    r.lower = bytes.lower;
    r.lower_open = !bytes.lower_inclusive;
    r.upper = bytes.upper;
    r.upper_open = !bytes.upper_inclusive;
    return r;
}

// The top-level attribute names a filter reads: DynamoDB's Query filters only on attributes
// outside the key schema queried.
void collect_heads(const operand& o, std::set<std::string>& out) {
    if (o.kind == operand_kind::path && !o.path.steps.empty()) {
        out.insert(o.path.steps.front().name);
    }
    for (const auto& a : o.args) {
        collect_heads(a, out);
    }
}

void collect_heads(const condition& c, std::set<std::string>& out) {
    for (const auto& o : c.operands) {
        collect_heads(o, out);
    }
    for (const auto& child : c.children) {
        collect_heads(child, out);
    }
}

void check_filter_on_non_keys(const read_request& r, const key_schema& schema, const json& b) {
    if (!r.filter) {
        return;
    }
    std::set<std::string> heads;
    collect_heads(*r.filter, heads);
    for (const auto* key : {&schema.partition_key, schema.sort_key ? &*schema.sort_key : nullptr}) {
        if (key != nullptr && heads.contains(*key)) {
            throw errors::validation(
                std::string(b.contains("QueryFilter") ? "QueryFilter" : "Filter Expression") +
                " can only contain non-primary key attributes: Primary key attribute: " + *key);
        }
    }
}

} // namespace

json query(ddb_call& call) {
    const json& b = call.body;
    // As DynamoDB: everything that needs no table is validated first (start key values, the
    // expressions in the order KeyCondition, Filter, Projection, unused names / values, the
    // key condition's structure), then the table, index and key schema.
    check_expression_parameters(b, request_kind::query);
    validate_start_key_values(b);
    if (!b.contains("KeyConditionExpression") && !b.contains("KeyConditions")) {
        throw errors::validation("Either the KeyConditions or KeyConditionExpression parameter "
                                 "must be specified in the request.");
    }
    expression_attributes attrs(b.value("ExpressionAttributeNames", json()),
                                b.value("ExpressionAttributeValues", json()));
    std::optional<condition> key_tree;
    if (b.contains("KeyConditionExpression")) {
        key_tree = parse_condition(b["KeyConditionExpression"].get<std::string>(),
                                   expression_kind::key_condition, attrs);
    }
    read_request r = parse_read_request(call, attrs, "QueryFilter");
    attrs.check_all_used();
    auto raw = key_tree ? detail::collect_key_conditions(*key_tree)
                        : detail::collect_legacy_key_conditions(b["KeyConditions"]);
    bind_read_table(call, r);
    const table_info& t = *r.table;
    key_schema schema =
        r.index ? schema_of(r.index->hash, r.index->range) : schema_of(t.hash, t.range);
    key_condition kc = detail::finish_key_condition(raw, schema);
    check_filter_on_non_keys(r, schema, b);
    check_filter_key_paths(r);
    auto start = parse_start_key(r, b);
    if (start && kc.sort && schema.sort_key &&
        !sort_key_matches(*kc.sort,
                          normalize_attribute_value(b["ExclusiveStartKey"][*schema.sort_key]))) {
        throw errors::validation("The provided starting key does not match the range key "
                                 "predicate");
    }
    const bool forward = b.value("ScanIndexForward", true);
    const std::string pk = encode_key_bytes(kc.partition_value);
    sort_range range = range_of(kc);
    page_collector page(r);
    if (!r.index) {
        std::optional<std::string> after;
        if (start) {
            if (start->table.pk != pk) {
                throw errors::validation("The provided starting key is outside query boundaries "
                                         "based on provided conditions");
            }
            after = start->table.sk;
        }
        call.ddb.store.query(t, pk, range, forward, after,
                             [&](const item_row& row) { return page.offer_row(row); });
    } else {
        std::optional<index_position> after;
        if (start) {
            after = index_position{start->index->pk, start->index->sk, start->table.pk,
                                   start->table.sk};
        }
        call.ddb.store.query_index(t, r.index->name, pk, range, forward, after,
                                   [&](const index_key&, const item_row& row) {
                                       return page.offer(json::parse(row.item));
                                   });
    }
    return page.finish(b, &call.raw_items);
}

} // namespace cloudbox::services::dynamodb::ops
