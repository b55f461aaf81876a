// Query: one partition of the table or an index, as one ordered range scan of the store.
#include "dynamodb/dynamodb_read.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/key_condition.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

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

} // namespace

json query(ddb_call& call) {
    const json& b = call.body;
    check_expression_parameters(b, request_kind::query);
    expression_attributes attrs(b.value("ExpressionAttributeNames", json()),
                                b.value("ExpressionAttributeValues", json()));
    if (!b.contains("KeyConditionExpression") && !b.contains("KeyConditions")) {
        throw errors::validation("Either the KeyConditions or KeyConditionExpression parameter "
                                 "must be specified in the request.");
    }
    read_request r = parse_read_request(call, attrs, "QueryFilter");
    const table_info& t = *r.table;
    key_schema schema =
        r.index ? schema_of(r.index->hash, r.index->range) : schema_of(t.hash, t.range);
    key_condition kc =
        b.contains("KeyConditionExpression")
            ? parse_key_condition(b["KeyConditionExpression"].get<std::string>(), attrs, schema)
            : key_conditions_to_key_condition(b["KeyConditions"], schema);
    attrs.check_all_used();
    auto start = parse_start_key(r, b);
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
