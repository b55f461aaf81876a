// UpdateFunctionEventInvokeConfig: retries, maximum event age and destinations of async invokes
// (merges into the existing configuration).
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response update_function_event_invoke_config(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    json in = call.body();
    check_invoke_config_input(in);
    require_version_or(call, ref, "The function doesn't exist.");
    std::string qualifier = ref.qualifier.empty() ? "$LATEST" : ref.qualifier;
    auto existing = call.lambda.store.get_invoke_config(call.scope(), ref.name, qualifier);
    if (!existing) {
        throw errors::resource_not_found(no_invoke_config_message(call, ref));
    }
    json config = apply_invoke_config(call, ref.name, qualifier, *existing, in);
    call.lambda.store.put_invoke_config(call.scope(), ref.name, qualifier, config);
    return json_response(200, config);
}

} // namespace cloudbox::services::lambda::ops
