// GetFunctionConcurrency: {} when no concurrency is reserved.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_function_concurrency(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    require_function(call, ref.name);
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    json out = json::object();
    if (settings.concurrency) {
        out["ReservedConcurrentExecutions"] = *settings.concurrency;
    }
    return json_response(200, out);
}

} // namespace cloudbox::services::lambda::ops
