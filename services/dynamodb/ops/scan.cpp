// Scan: every item of the table or an index in key order, with Segment / TotalSegments
// (an item's segment is a stable hash of its partition key).
#include "dynamodb/dynamodb_read.hpp"
#include "dynamodb/expr/legacy_parameters.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

namespace {

std::uint64_t segment_hash(const std::string& bytes) {
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (unsigned char c : bytes) {
        h = (h ^ c) * 1099511628211ULL;
    }
    return h;
}

} // namespace

json scan(ddb_call& call) {
    const json& b = call.body;
    check_expression_parameters(b, request_kind::scan);
    validate_start_key_values(b); // before the table is looked up, as DynamoDB
    if (b.contains("Segment") && !b.contains("TotalSegments")) {
        throw errors::validation("The TotalSegments parameter is required but was not present in "
                                 "the request when Segment parameter is present");
    }
    if (b.contains("TotalSegments") && !b.contains("Segment")) {
        throw errors::validation("The Segment parameter is required but was not present in the "
                                 "request when parameter TotalSegments is present");
    }
    std::int64_t segment = b.value("Segment", std::int64_t{0});
    std::int64_t total = b.value("TotalSegments", std::int64_t{1});
    if (segment >= total) {
        throw errors::validation("The Segment parameter is zero-based and must be less than "
                                 "parameter TotalSegments: Segment: " +
                                 std::to_string(segment) +
                                 " is not less than TotalSegments: " + std::to_string(total));
    }
    expression_attributes attrs(b.value("ExpressionAttributeNames", json()),
                                b.value("ExpressionAttributeValues", json()));
    read_request r = parse_read_request(call, attrs, "ScanFilter");
    attrs.check_all_used();
    bind_read_table(call, r);
    check_filter_key_paths(r);
    auto start = parse_start_key(r, b);
    auto in_segment = [&](const std::string& pk) {
        return total == 1 || segment_hash(pk) % static_cast<std::uint64_t>(total) ==
                                 static_cast<std::uint64_t>(segment);
    };
    page_collector page(r);
    const table_info& t = *r.table;
    if (!r.index) {
        std::optional<std::pair<std::string, std::string>> after;
        if (start) {
            after = std::make_pair(start->table.pk, start->table.sk);
        }
        call.ddb.store.scan(t, after, [&](const item_row& row) {
            return !in_segment(row.pk) || page.offer_row(row);
        });
    } else {
        std::optional<index_position> after;
        if (start) {
            after = index_position{start->index->pk, start->index->sk, start->table.pk,
                                   start->table.sk};
        }
        call.ddb.store.scan_index(t, r.index->name, after,
                                  [&](const index_key& k, const item_row& row) {
                                      return !in_segment(k.pk) || page.offer(json::parse(row.item));
                                  });
    }
    return page.finish(b, &call.raw_items);
}

} // namespace cloudbox::services::dynamodb::ops
