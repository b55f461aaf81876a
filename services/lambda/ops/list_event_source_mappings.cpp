// ListEventSourceMappings, filtered by EventSourceArn and FunctionName.
#include "lambda/lambda_mapping.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response list_event_source_mappings(lambda_call& call) {
    auto source = call.req.query.get("EventSourceArn");
    std::optional<std::string> function;
    if (auto name = call.req.query.get("FunctionName")) {
        function_ref ref = parse_function_ref(call, std::string(*name), false);
        function = function_arn(call, ref.name, ref.qualifier);
    }
    json mappings = json::array();
    for (auto& m : call.lambda.store.list_mappings(call.scope())) {
        if (source && m.value("EventSourceArn", "") != *source) {
            continue;
        }
        if (function && m.value("FunctionArn", "") != *function) {
            continue;
        }
        mappings.push_back(std::move(m));
    }
    return json_response(200, {{"EventSourceMappings", mappings}});
}

} // namespace cloudbox::services::lambda::ops
