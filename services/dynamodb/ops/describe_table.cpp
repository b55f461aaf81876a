// DescribeTable: the table's description, ACTIVE, with live item count and size.
#include "dynamodb/dynamodb_tables.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json describe_table(ddb_call& call) {
    auto t = call.table(true);
    return json{{"Table", describe_table_json(call.ddb, *t, "ACTIVE")}};
}

} // namespace cloudbox::services::dynamodb::ops
