// CancelMessageMoveTask: only a RUNNING task can be cancelled; cloudbox's tasks complete within
// StartMessageMoveTask, so a known handle answers that the task is not running.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

service::response cancel_message_move_task(sqs_call& call) {
    std::string handle = call.in.required_string("TaskHandle");
    auto lock = call.engine.lock();
    if (!call.engine.store().has_move_task(handle)) {
        throw errors::resource_not_found("Task does not exist.");
    }
    throw errors::unsupported_operation(
        "The task cannot be cancelled because it is not in RUNNING state.");
}

} // namespace cloudbox::services::sqs::ops
