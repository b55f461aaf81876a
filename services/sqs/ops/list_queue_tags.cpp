// ListQueueTags: the queue's tags (no Tags member when there are none).
#include "sqs/ops/ops.hpp"

namespace cloudbox::services::sqs::ops {

service::response list_queue_tags(sqs_call& call) {
    auto lock = call.engine.lock();
    auto& q = call.queue();
    nlohmann::json out = nlohmann::json::object();
    if (!q.rec.tags.empty()) {
        out["Tags"] = q.rec.tags;
    }
    return call.respond(out);
}

} // namespace cloudbox::services::sqs::ops
