// UntagQueue: removes tags by key (unknown keys are ignored).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

service::response untag_queue(sqs_call& call) {
    auto keys = call.in.string_list("TagKeys");
    if (!call.in.member("TagKeys")) {
        throw errors::missing_parameter("TagKeys");
    }
    auto lock = call.engine.lock();
    auto& q = call.queue();
    for (const auto& k : keys) {
        q.rec.tags.erase(k);
    }
    call.engine.save_queue(q);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
