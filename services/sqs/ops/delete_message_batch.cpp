// DeleteMessageBatch: up to 10 receipt handles; each failure is reported for its entry.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"
#include "sqs/sqs_messages.hpp"

namespace cloudbox::services::sqs::ops {

service::response delete_message_batch(sqs_call& call) {
    call.in.required_string("QueueUrl");
    const auto& entries = batch_entries(call.in, "DeleteMessageBatchRequestEntry");
    auto lock = call.engine.lock();
    auto& q = call.queue();
    nlohmann::json successful = nlohmann::json::array();
    nlohmann::json failed = nlohmann::json::array();
    for (const auto& e : entries) {
        std::string id = e["Id"].get<std::string>();
        try {
            auto handle = entry_string(e, "ReceiptHandle");
            if (!handle) {
                throw errors::missing_parameter("ReceiptHandle");
            }
            check_handle_result(call.engine.delete_message(q, *handle), *handle);
            successful.push_back({{"Id", id}});
        } catch (const core::aws_error& error) {
            failed.push_back(batch_failure(id, error));
        }
    }
    return call.respond({{"Successful", successful}, {"Failed", failed}});
}

} // namespace cloudbox::services::sqs::ops
