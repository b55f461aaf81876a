// ListDeadLetterSourceQueues: the queues whose RedrivePolicy targets this queue.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

#include "core/encoding.hpp"

namespace cloudbox::services::sqs::ops {

service::response list_dead_letter_source_queues(sqs_call& call) {
    auto max = call.in.integer("MaxResults");
    auto token = call.in.string("NextToken");
    if (max && (*max < 1 || *max > 1000)) {
        throw errors::invalid_value(std::to_string(*max), "MaxResults",
                                    "MaxResults must be an integer between 1 and 1000.");
    }
    std::string after = token ? core::base64_decode(*token).value_or("") : std::string();
    auto lock = call.engine.lock();
    auto& dlq = call.queue();
    std::string arn = dlq.arn(call.engine.region());
    nlohmann::json urls = nlohmann::json::array();
    nlohmann::json out = nlohmann::json::object();
    for (auto* q : call.engine.all()) {
        auto it = q->rec.attributes.find("RedrivePolicy");
        if (it == q->rec.attributes.end()) {
            continue;
        }
        auto policy = nlohmann::json::parse(it->second, nullptr, false);
        if (!policy.is_object() || policy.value("deadLetterTargetArn", "") != arn ||
            (!after.empty() && q->rec.name <= after)) {
            continue;
        }
        if (max && static_cast<std::int64_t>(urls.size()) == *max) {
            out["NextToken"] = core::base64_encode(after);
            break;
        }
        urls.push_back(call.queue_url(q->rec));
        after = q->rec.name;
    }
    out["queueUrls"] = urls;
    return call.respond(out);
}

} // namespace cloudbox::services::sqs::ops
