// StartMessageMoveTask: moves a dead-letter queue's messages back to their sources (or to
// DestinationArn). cloudbox moves them at once, so the task is COMPLETED when this returns.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

#include "core/encoding.hpp"
#include "core/ids.hpp"

namespace cloudbox::services::sqs::ops {

service::response start_message_move_task(sqs_call& call) {
    std::string source_arn = call.in.required_string("SourceArn");
    auto destination_arn = call.in.string("DestinationArn");
    auto rate = call.in.integer("MaxNumberOfMessagesPerSecond");
    if (rate && (*rate < 1 || *rate > 500)) {
        throw errors::invalid_value(std::to_string(*rate), "MaxNumberOfMessagesPerSecond",
                                    "Must be between 1 and 500.");
    }
    auto lock = call.engine.lock();
    auto* source = call.engine.find_arn(source_arn);
    if (source == nullptr) {
        throw errors::resource_not_found(
            "The resource that you specified for the SourceArn parameter doesn't exist.");
    }
    bool is_dlq = false;
    for (auto* q : call.engine.all()) {
        auto it = q->rec.attributes.find("RedrivePolicy");
        if (it != q->rec.attributes.end() &&
            nlohmann::json::parse(it->second, nullptr, false).value("deadLetterTargetArn", "") ==
                source_arn) {
            is_dlq = true;
        }
    }
    if (!is_dlq) {
        throw errors::invalid_parameter_value(
            "Source queue must be configured as a Dead Letter Queue.");
    }
    live_queue* destination = nullptr;
    if (destination_arn) {
        destination = call.engine.find_arn(*destination_arn);
        if (destination == nullptr) {
            throw errors::resource_not_found(
                "The resource that you specified for the DestinationArn parameter doesn't "
                "exist.");
        }
    }
    auto to_move = call.engine.counts(*source).visible;
    auto started = call.engine.clock().now_millis();
    auto moved = call.engine.move_all(*source, destination);
    std::string handle = core::base64_encode(
        nlohmann::json{{"taskId", core::new_uuid()}, {"sourceArn", source_arn}}.dump());
    nlohmann::json task{{"Status", "COMPLETED"},
                        {"SourceArn", source_arn},
                        {"ApproximateNumberOfMessagesMoved", moved},
                        {"ApproximateNumberOfMessagesToMove", to_move},
                        {"StartedTimestamp", started}};
    if (destination_arn) {
        task["DestinationArn"] = *destination_arn;
    }
    if (rate) {
        task["MaxNumberOfMessagesPerSecond"] = *rate;
    }
    call.engine.store().put_move_task(handle, source_arn, task.dump());
    return call.respond({{"TaskHandle", handle}});
}

} // namespace cloudbox::services::sqs::ops
