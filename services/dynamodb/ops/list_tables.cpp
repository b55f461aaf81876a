// ListTables: the account's tables in the region, by name, paginated.
#include "dynamodb/ops/ops.hpp"

#include <algorithm>

namespace cloudbox::services::dynamodb::ops {

json list_tables(ddb_call& call) {
    auto names = call.ddb.store.list_tables(call.account(), call.region());
    std::size_t limit = call.body.value("Limit", 100);
    auto start = names.begin();
    if (call.body.contains("ExclusiveStartTableName")) {
        start = std::upper_bound(names.begin(), names.end(),
                                 call.body["ExclusiveStartTableName"].get<std::string>());
    }
    json out{{"TableNames", json::array()}};
    for (auto it = start; it != names.end(); ++it) {
        if (out["TableNames"].size() == limit) {
            out["LastEvaluatedTableName"] = *(it - 1);
            break;
        }
        out["TableNames"].push_back(*it);
    }
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
