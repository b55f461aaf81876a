// GetAlias.
#include "lambda/lambda_alias.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_alias(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    return json_response(200, require_alias(call, ref.name, call.params.at(1)));
}

} // namespace cloudbox::services::lambda::ops
