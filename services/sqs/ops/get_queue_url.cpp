// GetQueueUrl: the URL of a queue by name (optionally in another account).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs::ops {

service::response get_queue_url(sqs_call& call) {
    std::string name = call.in.required_string("QueueName");
    std::string account = call.in.string("QueueOwnerAWSAccountId").value_or(call.account());
    auto lock = call.engine.lock();
    auto* q = call.engine.find(account, name);
    if (q == nullptr) {
        throw errors::non_existent_queue();
    }
    return call.respond({{"QueueUrl", call.queue_url(q->rec)}});
}

} // namespace cloudbox::services::sqs::ops
