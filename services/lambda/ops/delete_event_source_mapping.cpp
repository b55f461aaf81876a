// DeleteEventSourceMapping: answers with the mapping, State "Deleting".
#include "lambda/lambda_mapping.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response delete_event_source_mapping(lambda_call& call) {
    json mapping = require_mapping(call, call.params.at(0));
    call.lambda.store.delete_mapping(call.scope(), call.params.at(0));
    mapping["State"] = "Deleting";
    return json_response(202, mapping);
}

} // namespace cloudbox::services::lambda::ops
