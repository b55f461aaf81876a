// SetQueueAttributes: validated like CreateQueue; an empty Policy/RedrivePolicy removes it.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"
#include "sqs/sqs_validation.hpp"

namespace cloudbox::services::sqs::ops {

service::response set_queue_attributes(sqs_call& call) {
    if (!call.in.member("Attributes")) {
        throw errors::missing_parameter("Attributes");
    }
    auto requested = call.in.string_map("Attributes");
    auto lock = call.engine.lock();
    auto& q = call.queue();
    auto valid = validate_queue_attributes(requested, q.rec.fifo(), false);
    check_redrive_target(call, valid, q.rec.fifo());
    for (auto& [k, v] : valid) {
        if (v.empty()) {
            q.rec.attributes.erase(k);
        } else {
            q.rec.attributes[k] = v;
        }
    }
    apply_encryption_switch(q.rec.attributes, valid);
    q.rec.modified_s = call.engine.clock().now_seconds();
    call.engine.save_queue(q);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
