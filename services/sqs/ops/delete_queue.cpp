// DeleteQueue: removes the queue and its messages; waiting receives answer NonExistentQueue.
#include "sqs/ops/ops.hpp"

namespace cloudbox::services::sqs::ops {

service::response delete_queue(sqs_call& call) {
    auto lock = call.engine.lock();
    call.engine.remove(call.queue());
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
