// GetEventSourceMapping.
#include "lambda/lambda_mapping.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response get_event_source_mapping(lambda_call& call) {
    return json_response(200, require_mapping(call, call.params.at(0)));
}

} // namespace cloudbox::services::lambda::ops
