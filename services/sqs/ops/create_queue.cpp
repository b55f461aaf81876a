// CreateQueue: idempotent with equal attributes, QueueAlreadyExists otherwise.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"
#include "sqs/sqs_validation.hpp"

namespace cloudbox::services::sqs::ops {

void check_redrive_target(sqs_call& call, const string_map& attributes, bool fifo) {
    auto it = attributes.find("RedrivePolicy");
    if (it == attributes.end() || it->second.empty()) {
        return;
    }
    auto policy = nlohmann::json::parse(it->second);
    auto arn = policy["deadLetterTargetArn"].is_string()
                   ? policy["deadLetterTargetArn"].get<std::string>()
                   : std::string();
    auto* target = call.engine.find_arn(arn);
    if (target == nullptr) {
        throw errors::invalid_value(it->second, "RedrivePolicy",
                                    "Dead letter target does not exist.");
    }
    if (target->rec.fifo() != fifo) {
        throw errors::invalid_value(it->second, "RedrivePolicy",
                                    "Dead-letter queue must be same type of queue as the source.");
    }
}

service::response create_queue(sqs_call& call) {
    std::string name = call.in.required_string("QueueName");
    validate_queue_name(name);
    bool fifo = name.ends_with(".fifo");
    auto requested = call.in.string_map("Attributes");
    auto tags = call.in.string_map("tags");
    // A .fifo name needs FifoQueue=true, and FifoQueue=true needs a .fifo name.
    auto fifo_attr = requested.find("FifoQueue");
    if (fifo && (fifo_attr == requested.end() || fifo_attr->second != "true")) {
        throw errors::invalid_parameter_value(
            "The name of a FIFO queue can only include alphanumeric characters, hyphens, or "
            "underscores, must end with .fifo suffix and be 1 to 80 in length.");
    }
    auto valid = validate_queue_attributes(requested, fifo, true);
    auto attributes = default_queue_attributes(fifo);
    for (auto& [k, v] : valid) {
        attributes[k] = v;
    }
    apply_encryption_switch(attributes, valid);
    auto lock = call.engine.lock();
    check_redrive_target(call, valid, fifo);
    if (auto* existing = call.engine.find(call.account(), name)) {
        for (const auto& [k, v] : valid) {
            auto it = existing->rec.attributes.find(k);
            if (it == existing->rec.attributes.end() ? !v.empty() : it->second != v) {
                throw errors::queue_already_exists(k);
            }
        }
        return call.respond({{"QueueUrl", call.queue_url(existing->rec)}});
    }
    queue_record rec;
    rec.account = call.account();
    rec.name = name;
    rec.attributes = std::move(attributes);
    rec.tags = std::move(tags);
    rec.created_s = call.engine.clock().now_seconds();
    rec.modified_s = rec.created_s;
    auto& q = call.engine.create(std::move(rec));
    call.engine.save_queue(q);
    return call.respond({{"QueueUrl", call.queue_url(q.rec)}});
}

} // namespace cloudbox::services::sqs::ops
