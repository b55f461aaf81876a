// GetPolicy: the resource policy as a JSON string.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/lambda_policy.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_policy(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    auto target = require_policy_target(
        call, ref, "Function not found: " + function_arn(call, ref.name, ref.qualifier));
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    if (!settings.policies.contains(target.qualifier)) {
        throw errors::resource_not_found("The resource you requested does not exist.");
    }
    return json_response(200, {{"Policy", policy_text(settings.policies[target.qualifier])},
                               {"RevisionId", target.revision_id}});
}

} // namespace cloudbox::services::lambda::ops
