// InvokeAsync (legacy, /2014-11-13/): queues the event like Invoke with InvocationType=Event.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_invoker.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response invoke_async(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0), false);
    require_function(call, ref.name);
    const std::string& payload = call.req.body;
    if (payload.size() > 1024 * 1024) {
        throw errors::too_large(1024 * 1024);
    }
    if (!payload.empty() && json::parse(payload, nullptr, false).is_discarded()) {
        throw errors::invalid_content("Could not parse request body into json: Could not parse "
                                      "payload into json: Unexpected character: was expecting "
                                      "(JSON String, Number, Array, Object or token 'null', "
                                      "'true' or 'false')");
    }
    call.lambda.invoker.enqueue(call.scope(), ref.name, "", payload, call.req.ctx.request_id);
    return json_response(202, {{"Status", 202}});
}

} // namespace cloudbox::services::lambda::ops
