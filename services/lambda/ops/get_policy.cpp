// GetPolicy: the resource policy as a JSON string.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_policy(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    json config = require_version(call, ref);
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    if (settings.policy.is_null()) {
        throw errors::resource_not_found("The resource you requested does not exist.");
    }
    return json_response(
        200, {{"Policy", settings.policy.dump()}, {"RevisionId", config.value("RevisionId", "")}});
}

} // namespace cloudbox::services::lambda::ops
