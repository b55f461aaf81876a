// SendMessageBatch: up to 10 entries, 1 MiB in total; invalid entries fail one by one.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"
#include "sqs/sqs_messages.hpp"

namespace cloudbox::services::sqs::ops {

namespace {
constexpr std::size_t max_batch_bytes = 1048576;

std::size_t entry_size(const nlohmann::json& e) {
    std::size_t n = 0;
    if (e.contains("MessageBody") && e["MessageBody"].is_string()) {
        n += e["MessageBody"].get_ref<const std::string&>().size();
    }
    if (e.contains("MessageAttributes") && e["MessageAttributes"].is_object()) {
        for (auto it = e["MessageAttributes"].begin(); it != e["MessageAttributes"].end(); ++it) {
            n += it.key().size();
            for (const char* f : {"DataType", "StringValue", "BinaryValue"}) {
                if (it.value().is_object() && it.value().contains(f) && it.value()[f].is_string()) {
                    n += it.value()[f].get_ref<const std::string&>().size();
                }
            }
        }
    }
    return n;
}

// On a FIFO queue an entry without a group id, or without a deduplication id when content-based
// deduplication is off, fails the whole batch with InvalidParameterValue (even for the group id,
// where SendMessage says MissingParameter): LocalStack's AWS-recorded
// test_send_batch_missing_message_group_id_for_fifo_queue / ..._deduplication_id_....
void check_fifo_entries(const live_queue& q, const nlohmann::json& entries) {
    auto cbd = q.rec.attributes.find("ContentBasedDeduplication");
    bool content_dedup = cbd != q.rec.attributes.end() && cbd->second == "true";
    for (const auto& e : entries) {
        if (!entry_string(e, "MessageGroupId")) {
            throw errors::invalid_parameter_value(
                "The request must contain the parameter MessageGroupId.");
        }
        if (!content_dedup && !entry_string(e, "MessageDeduplicationId")) {
            throw errors::invalid_parameter_value(
                "The queue should either have ContentBasedDeduplication enabled or "
                "MessageDeduplicationId provided explicitly");
        }
    }
}
} // namespace

service::response send_message_batch(sqs_call& call) {
    call.in.required_string("QueueUrl");
    const auto& entries = batch_entries(call.in, "SendMessageBatchRequestEntry");
    std::size_t total = 0;
    for (const auto& e : entries) {
        total += entry_size(e);
    }
    if (total > max_batch_bytes) {
        throw errors::batch_request_too_long(max_batch_bytes, total);
    }
    auto lock = call.engine.lock();
    auto& q = call.queue();
    if (q.rec.fifo()) {
        check_fifo_entries(q, entries);
    }
    std::vector<message_record> batch;
    std::vector<int> delays;
    std::vector<std::string> ids;
    nlohmann::json failed = nlohmann::json::array();
    for (const auto& e : entries) {
        std::string id = e["Id"].get<std::string>();
        try {
            int delay = 0;
            batch.push_back(build_message(q, call.in.protocol, e, delay, call.sender_id()));
            delays.push_back(delay);
            ids.push_back(id);
        } catch (const core::aws_error& error) {
            if (error.code == "SerializationException") {
                throw;
            }
            failed.push_back(batch_failure(id, error));
        }
    }
    if (!batch.empty()) {
        call.engine.send(q, batch, delays);
    }
    nlohmann::json successful = nlohmann::json::array();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto& m = batch[i];
        nlohmann::json s{{"Id", ids[i]}, {"MessageId", m.id}, {"MD5OfMessageBody", m.md5_body}};
        if (!m.md5_attributes.empty()) {
            s["MD5OfMessageAttributes"] = m.md5_attributes;
        }
        if (!m.md5_system_attributes.empty()) {
            s["MD5OfMessageSystemAttributes"] = m.md5_system_attributes;
        }
        if (!m.sequence_number.empty()) {
            s["SequenceNumber"] = m.sequence_number;
        }
        successful.push_back(s);
    }
    return call.respond({{"Successful", successful}, {"Failed", failed}});
}

} // namespace cloudbox::services::sqs::ops
