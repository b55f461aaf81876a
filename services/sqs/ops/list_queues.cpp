// ListQueues: the caller's queues by name prefix, paginated with MaxResults and NextToken.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

#include "core/encoding.hpp"

namespace cloudbox::services::sqs::ops {

service::response list_queues(sqs_call& call) {
    std::string prefix = call.in.string("QueueNamePrefix").value_or("");
    auto max = call.in.integer("MaxResults");
    auto token = call.in.string("NextToken");
    if (max && (*max < 1 || *max > 1000)) {
        throw errors::invalid_value(std::to_string(*max), "MaxResults",
                                    "MaxResults must be an integer between 1 and 1000.");
    }
    if (token && !max) {
        throw errors::invalid_parameter_value(
            "MaxResults is a mandatory parameter when you provide a value for NextToken.");
    }
    std::string after;
    if (token) {
        auto decoded = core::base64_decode(*token);
        if (!decoded) {
            throw errors::invalid_parameter_value("Invalid NextToken value.");
        }
        after = *decoded;
    }
    auto lock = call.engine.lock();
    nlohmann::json urls = nlohmann::json::array();
    nlohmann::json out = nlohmann::json::object();
    std::int64_t limit = max.value_or(1000);
    for (auto* q : call.engine.all()) { // ordered by (account, name)
        if (q->rec.account != call.account() || !q->rec.name.starts_with(prefix) ||
            (!after.empty() && q->rec.name <= after)) {
            continue;
        }
        if (static_cast<std::int64_t>(urls.size()) == limit) {
            if (max) {
                out["NextToken"] = core::base64_encode(after);
            }
            break;
        }
        urls.push_back(call.queue_url(q->rec));
        after = q->rec.name;
    }
    if (!urls.empty()) {
        out["QueueUrls"] = urls;
    }
    return call.respond(out);
}

} // namespace cloudbox::services::sqs::ops
