// SendMessage: validates the body and attributes against the queue, answers AWS's MD5s.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_messages.hpp"

namespace cloudbox::services::sqs::ops {

service::response send_message(sqs_call& call) {
    call.in.required_string("QueueUrl");
    auto lock = call.engine.lock();
    auto& q = call.queue();
    int delay = 0;
    std::vector<message_record> batch{
        build_message(q, call.in.protocol, call.in.params, delay, call.sender_id())};
    call.engine.send(q, batch, {delay});
    const auto& m = batch[0];
    nlohmann::json out{{"MessageId", m.id}, {"MD5OfMessageBody", m.md5_body}};
    if (!m.md5_attributes.empty()) {
        out["MD5OfMessageAttributes"] = m.md5_attributes;
    }
    if (!m.md5_system_attributes.empty()) {
        out["MD5OfMessageSystemAttributes"] = m.md5_system_attributes;
    }
    if (!m.sequence_number.empty()) {
        out["SequenceNumber"] = m.sequence_number;
    }
    return call.respond(out);
}

} // namespace cloudbox::services::sqs::ops
