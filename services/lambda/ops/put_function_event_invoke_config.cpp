// PutFunctionEventInvokeConfig: retries, maximum event age and destinations of async invokes
// (replaces the whole configuration).
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response put_function_event_invoke_config(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    json in = call.body();
    require_version(call, ref);
    std::string qualifier = ref.qualifier.empty() ? "$LATEST" : ref.qualifier;
    json base = json::object();
    json config = apply_invoke_config(call, ref.name, qualifier, base, in);
    call.lambda.store.put_invoke_config(call.scope(), ref.name, qualifier, config);
    return json_response(200, config);
}

} // namespace cloudbox::services::lambda::ops
