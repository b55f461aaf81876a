// DeleteFunctionEventInvokeConfig.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response delete_function_event_invoke_config(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    require_version_or(call, ref, no_invoke_config_message(call, ref));
    std::string qualifier = ref.qualifier.empty() ? "$LATEST" : ref.qualifier;
    if (!call.lambda.store.delete_invoke_config(call.scope(), ref.name, qualifier)) {
        throw errors::resource_not_found("The function " + function_arn(call, ref.name, qualifier) +
                                         " doesn't have an EventInvokeConfig");
    }
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
