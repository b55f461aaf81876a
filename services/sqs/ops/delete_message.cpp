// DeleteMessage: by receipt handle; a handle never issued is ReceiptHandleIsInvalid, a message
// already deleted succeeds (as AWS does).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

void check_handle_result(handle_result result, const std::string& handle) {
    switch (result) {
    case handle_result::ok:
    case handle_result::gone:
        return;
    case handle_result::invalid:
        throw errors::receipt_handle_is_invalid(handle);
    case handle_result::stale:
        throw errors::invalid_value(handle, "ReceiptHandle", "The receipt handle has expired.");
    case handle_result::not_in_flight:
        throw errors::message_not_inflight();
    }
}

service::response delete_message(sqs_call& call) {
    call.in.required_string("QueueUrl");
    std::string handle = call.in.required_string("ReceiptHandle");
    auto lock = call.engine.lock();
    auto& q = call.queue();
    check_handle_result(call.engine.delete_message(q, handle), handle);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
