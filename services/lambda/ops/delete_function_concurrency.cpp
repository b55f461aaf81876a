// DeleteFunctionConcurrency: back to the account's unreserved pool.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response delete_function_concurrency(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    require_function(call, ref.name);
    auto settings = call.lambda.store.get_settings(call.scope(), ref.name);
    settings.concurrency.reset();
    call.lambda.store.put_settings(call.scope(), ref.name, settings);
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
