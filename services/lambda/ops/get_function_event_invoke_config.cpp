// GetFunctionEventInvokeConfig.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_function_event_invoke_config(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    require_version_or(call, ref, no_invoke_config_message(call, ref));
    std::string qualifier = ref.qualifier.empty() ? "$LATEST" : ref.qualifier;
    auto config = call.lambda.store.get_invoke_config(call.scope(), ref.name, qualifier);
    if (!config) {
        throw errors::resource_not_found("The function " + function_arn(call, ref.name, qualifier) +
                                         " doesn't have an EventInvokeConfig");
    }
    return json_response(200, *config);
}

} // namespace cloudbox::services::lambda::ops
