// DeleteTable: removes the table, its items and index entries; refused under deletion protection.
#include "dynamodb/dynamodb_tables.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json delete_table(ddb_call& call) {
    auto t = call.table(true);
    if (t->meta.value("DeletionProtectionEnabled", false)) {
        throw errors::validation("Resource cannot be deleted as it is currently protected against "
                                 "deletion. Disable deletion protection first.");
    }
    json description = describe_table_json(call.ddb, *t, "DELETING");
    call.ddb.store.delete_table(*t);
    return json{{"TableDescription", description}};
}

} // namespace cloudbox::services::dynamodb::ops
