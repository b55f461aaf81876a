// UpdateEventSourceMapping: batch size, window, enabled, filters, function.
#include "lambda/lambda_mapping.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response update_event_source_mapping(lambda_call& call) {
    json in = call.body();
    json mapping = require_mapping(call, call.params.at(0));
    apply_mapping_input(call, mapping, in, false);
    call.lambda.store.put_mapping(call.scope(), call.params.at(0), mapping.value("FunctionArn", ""),
                                  mapping);
    return json_response(202, mapping);
}

} // namespace cloudbox::services::lambda::ops
