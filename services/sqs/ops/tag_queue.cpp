// TagQueue: adds or replaces tags (at most 50 per queue).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

service::response tag_queue(sqs_call& call) {
    auto tags = call.in.string_map("Tags");
    if (!call.in.member("Tags")) {
        throw errors::missing_parameter("Tags");
    }
    auto lock = call.engine.lock();
    auto& q = call.queue();
    auto merged = q.rec.tags;
    for (auto& [k, v] : tags) {
        merged[k] = v;
    }
    if (merged.size() > 50) {
        throw errors::invalid_parameter_value("Too many tags added for queue " + q.rec.name + ".");
    }
    q.rec.tags = std::move(merged);
    call.engine.save_queue(q);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
