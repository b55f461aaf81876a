// ExecuteStatement: one PartiQL statement; a SELECT is a Query when its WHERE clause pins the
// partition key (= or IN), else a Scan, paged by Limit / NextToken; writes touch one item.
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/dynamodb_partiql.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

json execute_statement(ddb_call& call) {
    const json& b = call.body;
    prepared_statement p = prepare_statement(call, b, false);
    if (p.stmt.kind == partiql::statement_kind::exists) {
        throw errors::validation("EXISTS can only be used in ExecuteTransaction");
    }
    if (p.stmt.is_read()) {
        return execute_select(call, p, b);
    }
    if (b.contains("NextToken") || b.contains("Limit")) {
        throw errors::validation("Limit and NextToken can only be used with SELECT statements");
    }
    write_outcome w = execute_write(call, p, b);
    json out{{"Items", w.items}};
    add_write_response(out, b, *p.table, w.before, w.after);
    return out;
}

} // namespace cloudbox::services::dynamodb::ops
