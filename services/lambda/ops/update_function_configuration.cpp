// UpdateFunctionConfiguration: Timeout, MemorySize, Environment, DeadLetterConfig, Description,
// Handler, Runtime, Role; warm environments of the old configuration are not reused.
#include "core/ids.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response update_function_configuration(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    json in = call.body();
    json config = require_function(call, ref.name);
    if (auto revision = optional_string(in, "RevisionId", "revisionId")) {
        if (*revision != config.value("RevisionId", "")) {
            throw errors::precondition_failed();
        }
    }
    apply_configuration(config, in, false);
    config["LastModified"] = last_modified(call.lambda.clock);
    config["RevisionId"] = core::new_uuid();
    call.lambda.store.put_version(call.scope(), ref.name, "$LATEST", config, std::nullopt);
    call.lambda.executor.drop_environments(call.req.ctx.account_id, call.req.ctx.region, ref.name);
    return json_response(200, update_in_progress(std::move(config)));
}

} // namespace cloudbox::services::lambda::ops
