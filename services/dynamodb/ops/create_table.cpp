// CreateTable: validates the definition and creates the table, ACTIVE at once.
#include "dynamodb/dynamodb_tables.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json create_table(ddb_call& call) {
    table_info t = table_from_create_request(call.body, call);
    if (!call.ddb.store.create_table(t)) {
        throw errors::resource_in_use("Table already exists: " + t.name);
    }
    // DynamoDB answers CREATING; the table is usable at once here (DescribeTable says ACTIVE).
    return json{{"TableDescription", describe_table_json(call.ddb, t, "CREATING")}};
}

} // namespace cloudbox::services::dynamodb::ops
