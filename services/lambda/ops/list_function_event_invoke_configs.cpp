// ListFunctionEventInvokeConfigs: every qualifier's configuration.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response list_function_event_invoke_configs(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    require_version_or(call, ref, "The function doesn't exist.");
    json configs = json::array();
    for (auto& c : call.lambda.store.list_invoke_configs(call.scope(), ref.name)) {
        configs.push_back(std::move(c));
    }
    return json_response(200, {{"FunctionEventInvokeConfigs", configs}});
}

} // namespace cloudbox::services::lambda::ops
