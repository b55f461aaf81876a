// UpdateFunctionCode: replaces $LATEST's zip (warm environments are dropped), optionally publishes.
#include "core/ids.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response update_function_code(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    json in = call.body();
    json config = require_function(call, ref.name);
    if (auto revision = optional_string(in, "RevisionId", "revisionId")) {
        if (*revision != config.value("RevisionId", "")) {
            throw errors::precondition_failed();
        }
    }
    std::string zip = code_from_input(call, in);
    config["CodeSize"] = zip.size();
    config["CodeSha256"] = code_sha256(zip);
    config["LastModified"] = last_modified(call.lambda.clock);
    config["RevisionId"] = core::new_uuid();
    if (in.value("DryRun", false)) {
        return json_response(200, config);
    }
    call.lambda.store.put_version(call.scope(), ref.name, "$LATEST", config, zip);
    call.lambda.executor.drop_environments(call.req.ctx.account_id, call.req.ctx.region, ref.name);
    if (in.value("Publish", false)) {
        return json_response(200, publish_latest(call, ref.name, std::nullopt));
    }
    return json_response(200, update_in_progress(std::move(config)));
}

} // namespace cloudbox::services::lambda::ops
