// ChangeMessageVisibilityBatch: up to 10 entries; each failure is reported for its entry.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"
#include "sqs/sqs_messages.hpp"

namespace cloudbox::services::sqs::ops {

service::response change_message_visibility_batch(sqs_call& call) {
    call.in.required_string("QueueUrl");
    const auto& entries = batch_entries(call.in, "ChangeMessageVisibilityBatchRequestEntry");
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
            int timeout =
                checked_visibility_timeout(entry_integer(call.in.protocol, e, "VisibilityTimeout"));
            change_visibility_of(call, q, *handle, timeout);
            successful.push_back({{"Id", id}});
        } catch (const core::aws_error& error) {
            if (error.code == "SerializationException") {
                throw;
            }
            failed.push_back(batch_failure(id, error));
        }
    }
    return call.respond({{"Successful", successful}, {"Failed", failed}});
}

} // namespace cloudbox::services::sqs::ops
