// RemovePermission: drops a labelled statement from the queue's Policy.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

service::response remove_permission(sqs_call& call) {
    std::string label = call.in.required_string("Label");
    auto lock = call.engine.lock();
    auto& q = call.queue();
    if (!q.rec.permissions.contains(label)) {
        throw errors::invalid_parameter_value("Value " + label +
                                              " for parameter Label is invalid. Reason: can't "
                                              "find label on existing policy.");
    }
    q.rec.permissions.erase(label);
    auto policy = nlohmann::json::parse(
        q.rec.attributes.count("Policy") ? q.rec.attributes["Policy"] : std::string("{}"), nullptr,
        false);
    if (policy.is_object() && policy.contains("Statement")) {
        auto& st = policy["Statement"];
        for (auto it = st.begin(); it != st.end();) {
            it = (*it).value("Sid", "") == label ? st.erase(it) : std::next(it);
        }
        if (st.empty()) {
            q.rec.attributes.erase("Policy");
        } else {
            q.rec.attributes["Policy"] = policy.dump();
        }
    }
    call.engine.save_queue(q);
    return call.respond(nlohmann::json::object());
}

} // namespace cloudbox::services::sqs::ops
