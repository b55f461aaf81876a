// PurgeQueue: deletes every message; one purge per queue every 60 seconds (on the clock).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

service::response purge_queue(sqs_call& call) {
    auto lock = call.engine.lock();
    auto& q = call.queue();
    auto now = call.engine.clock().now_millis();
    if (q.rec.last_purge_ms >= 0 && now - q.rec.last_purge_ms < 60000) {
        throw errors::purge_in_progress(q.rec.name);
    }
    call.engine.purge(q);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
