// UpdateAlias: version, description, routing; RevisionId guards concurrent updates.
#include "core/ids.hpp"
#include "lambda/lambda_alias.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response update_alias(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    json in = call.body();
    json alias = require_alias(call, ref.name, call.params.at(1));
    if (auto revision = optional_string(in, "RevisionId", "revisionId")) {
        if (*revision != alias.value("RevisionId", "")) {
            throw errors::precondition_failed();
        }
    }
    apply_alias_input(call, ref.name, alias, in);
    alias["RevisionId"] = core::new_uuid();
    call.lambda.store.put_alias(call.scope(), ref.name, call.params.at(1), alias);
    return json_response(200, alias);
}

} // namespace cloudbox::services::lambda::ops
