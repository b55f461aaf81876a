// ListTags: the function's tags.
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response list_tags(lambda_call& call) {
    std::string name = function_of_resource_arn(call, call.params.at(0));
    return json_response(200, {{"Tags", call.lambda.store.get_settings(call.scope(), name).tags}});
}

} // namespace cloudbox::services::lambda::ops
