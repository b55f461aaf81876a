// DeleteAlias: 204 whether or not the alias existed (as Lambda answers).
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response delete_alias(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    require_function(call, ref.name);
    call.lambda.store.delete_alias(call.scope(), ref.name, call.params.at(1));
    call.lambda.store.delete_invoke_config(call.scope(), ref.name, call.params.at(1));
    return empty_response(204);
}

} // namespace cloudbox::services::lambda::ops
