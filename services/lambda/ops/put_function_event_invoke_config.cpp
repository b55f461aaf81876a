// PutFunctionEventInvokeConfig: retries, maximum event age and destinations of async invokes
// (replaces the whole configuration).
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response put_function_event_invoke_config(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    json in = call.body();
    check_invoke_config_input(in);
    bool any = false;
    for (const char* member :
         {"MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig"}) {
        any = any || (in.contains(member) && !in[member].is_null());
    }
    if (!any) {
        throw errors::invalid_parameter(
            "You must specify at least one of error handling or destination setting.");
    }
    require_version_or(call, ref, "The function doesn't exist.");
    std::string qualifier = ref.qualifier.empty() ? "$LATEST" : ref.qualifier;
    json base = json::object();
    json config = apply_invoke_config(call, ref.name, qualifier, base, in);
    call.lambda.store.put_invoke_config(call.scope(), ref.name, qualifier, config);
    return json_response(200, config);
}

} // namespace cloudbox::services::lambda::ops
