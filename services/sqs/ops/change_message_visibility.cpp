// ChangeMessageVisibility: a new visibility timeout for an in-flight message (0 makes it
// visible at once).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

int checked_visibility_timeout(std::optional<std::int64_t> timeout) {
    if (!timeout) {
        throw errors::missing_parameter("VisibilityTimeout");
    }
    if (*timeout < 0 || *timeout > 43200) {
        throw errors::invalid_value(std::to_string(*timeout), "VisibilityTimeout",
                                    "VisibilityTimeout must be an integer between 0 and 43200");
    }
    return static_cast<int>(*timeout);
}

void change_visibility_of(sqs_call& call, live_queue& q, const std::string& handle, int timeout) {
    auto result = call.engine.change_visibility(q, handle, timeout);
    if (result == handle_result::gone) {
        throw errors::invalid_value(handle, "ReceiptHandle",
                                    "Message does not exist or is not available for visibility "
                                    "timeout change.");
    }
    check_handle_result(result, handle);
}

service::response change_message_visibility(sqs_call& call) {
    call.in.required_string("QueueUrl");
    std::string handle = call.in.required_string("ReceiptHandle");
    int timeout = checked_visibility_timeout(call.in.integer("VisibilityTimeout"));
    auto lock = call.engine.lock();
    auto& q = call.queue();
    change_visibility_of(call, q, handle, timeout);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
