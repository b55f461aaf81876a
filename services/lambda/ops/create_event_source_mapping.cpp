// CreateEventSourceMapping: SQS or DynamoDB Streams to a function (stored; pollers deliver).
#include "core/ids.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_mapping.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response create_event_source_mapping(lambda_call& call) {
    json in = call.body();
    std::string uuid = core::new_uuid();
    json mapping = {{"UUID", uuid},
                    {"EventSourceMappingArn", "arn:aws:lambda:" + call.req.ctx.region + ":" +
                                                  call.req.ctx.account_id +
                                                  ":event-source-mapping:" + uuid}};
    apply_mapping_input(call, mapping, in, true);
    for (const auto& other : call.lambda.store.list_mappings(call.scope())) {
        if (other.value("EventSourceArn", "") == mapping.value("EventSourceArn", "") &&
            other.value("FunctionArn", "") == mapping.value("FunctionArn", "")) {
            throw errors::conflict("The event source arn (\" " +
                                   mapping.value("EventSourceArn", "") + " \") and function (\" " +
                                   mapping.value("FunctionArn", "") +
                                   " \") provided mapping already exists. Please update or delete "
                                   "the existing mapping with UUID " +
                                   other.value("UUID", ""));
        }
    }
    call.lambda.store.put_mapping(call.scope(), uuid, mapping.value("FunctionArn", ""), mapping);
    json out = mapping;
    out["State"] = mapping["State"] == "Enabled" ? "Creating" : "Disabled";
    return json_response(202, out);
}

} // namespace cloudbox::services::lambda::ops
