// GetFunctionConfiguration: the configuration of $LATEST, a version or an alias's version.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_function_configuration(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    return json_response(200, require_version(call, ref));
}

} // namespace cloudbox::services::lambda::ops
