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

// Parses what Query and Scan share; `filter_member` is "QueryFilter" or "ScanFilter".
// The KeyConditionExpression (Query) is parsed by the caller with the same attributes, before
// check_all_used.
read_request parse_read_request(ddb_call& call, expression_attributes& attrs,
                                const char* filter_member);

// Accumulates one page of results.
class page_collector {
  public:
    explicit page_collector(const read_request& r) : r_(r) {}
    // Offers one stored item; returns false when the page is full (stop scanning).
    bool offer(const json& item);
    // The response: Items (unless COUNT), Count, ScannedCount, LastEvaluatedKey, capacity.
    json finish(const json& body);

  private:
    const read_request& r_;
    json items_ = json::array();
    std::size_t count_ = 0;
    std::size_t scanned_ = 0;
    std::size_t bytes_ = 0;
    std::optional<json> last_key_;
};

// The ExclusiveStartKey as key bytes: table (pk, sk) and, for an index, (ipk, isk).
struct start_key {
    item_key table;
    std::optional<index_key> index;
};
std::optional<start_key> parse_start_key(const read_request& r, const json& body);

} // namespace cloudbox::services::dynamodb
