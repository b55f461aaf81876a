// Query and Scan pages: the shared request parsing (filters, projections, Select, start keys)
// and the page collector (Limit counts items read before the filter, pages stop at 1 MB).
#pragma once

#include "dynamodb/dynamodb_call.hpp"
#include "dynamodb/dynamodb_keys.hpp"
#include "dynamodb/expr/expression_ast.hpp"
#include "dynamodb/expr/expression_parser.hpp"

#include <optional>

namespace cloudbox::services::dynamodb {

struct read_request {
    table_ptr table;
    const index_info* index = nullptr; // IndexName
    std::optional<condition> filter;
    std::optional<projection> proj;
    std::string select; // ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT
    std::optional<std::size_t> limit;
    bool consistent = false;
};

// Parses what Query and Scan share and DynamoDB validates before it looks the table up (filter,
// projection, Limit); `filter_member` is "QueryFilter" or "ScanFilter". The
// KeyConditionExpression (Query) is parsed by the caller with the same attributes, before
// check_all_used.
read_request parse_read_request(ddb_call& call, expression_attributes& attrs,
                                const char* filter_member);

// Then: the table, IndexName, and the Select / ConsistentRead checks that need them, and no
// projected path through a key attribute.
void bind_read_table(ddb_call& call, read_request& r);

// No filtered path through a key attribute (after Query's own filter checks).
void check_filter_key_paths(const read_request& r);

// The ExclusiveStartKey's attribute values, checked before the table is looked up:
// "The provided starting key is invalid: Supplied AttributeValue is empty, ..." (number and set
// errors unprefixed).
void validate_start_key_values(const json& body);

// Accumulates one page of results.
class page_collector {
  public:
    explicit page_collector(const read_request& r) : r_(r) {}
    // Offers one stored item; returns false when the page is full (stop scanning).
    bool offer(const json& item);
    // Offers a stored row of the base table. When the request wants the stored items as they
    // are (no index, filter, projection or COUNT), the row's JSON text goes into the response
    // unparsed: parsing and re-serialising each item was half of a Query's CPU. Otherwise the
    // same as offer(json::parse(row.item)).
    bool offer_row(const item_row& row);
    // The response: Items (unless COUNT), Count, ScannedCount, LastEvaluatedKey, capacity.
    // After offer_row took the unparsed path, "Items" is left out and *items_text receives the
    // array's elements (comma-separated stored texts) for the caller to splice in.
    json finish(const json& body, std::optional<std::string>* items_text = nullptr);

  private:
    const read_request& r_;
    json items_ = json::array();
    std::size_t count_ = 0;
    std::size_t scanned_ = 0;
    std::size_t bytes_ = 0;
    std::optional<json> last_key_;
    std::string raw_items_; // stored texts, comma-separated (offer_row's unparsed path)
    bool raw_ = false;      // offer_row took the unparsed path
};

// The ExclusiveStartKey as key bytes: table (pk, sk) and, for an index, (ipk, isk).
struct start_key {
    item_key table;
    std::optional<index_key> index;
};
std::optional<start_key> parse_start_key(const read_request& r, const json& body);

} // namespace cloudbox::services::dynamodb
