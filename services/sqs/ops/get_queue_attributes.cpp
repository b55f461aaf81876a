// GetQueueAttributes: stored and computed attributes (Approximate* counts, timestamps, ARN).
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

#include <set>

namespace cloudbox::services::sqs::ops {

namespace {
const std::set<std::string, std::less<>> known{
    "All",
    "Policy",
    "VisibilityTimeout",
    "MaximumMessageSize",
    "MessageRetentionPeriod",
    "ApproximateNumberOfMessages",
    "ApproximateNumberOfMessagesNotVisible",
    "CreatedTimestamp",
    "LastModifiedTimestamp",
    "QueueArn",
    "ApproximateNumberOfMessagesDelayed",
    "DelaySeconds",
    "ReceiveMessageWaitTimeSeconds",
    "RedrivePolicy",
    "FifoQueue",
    "ContentBasedDeduplication",
    "KmsMasterKeyId",
    "KmsDataKeyReusePeriodSeconds",
    "DeduplicationScope",
    "FifoThroughputLimit",
    "RedriveAllowPolicy",
    "SqsManagedSseEnabled",
};
} // namespace

service::response get_queue_attributes(sqs_call& call) {
    auto names = call.in.string_list("AttributeNames");
    for (const auto& n : names) {
        if (!known.count(n)) {
            throw errors::invalid_attribute_name(n);
        }
    }
    auto lock = call.engine.lock();
    auto& q = call.queue();
    auto counts = call.engine.counts(q);
    string_map all = q.rec.attributes;
    all["ApproximateNumberOfMessages"] = std::to_string(counts.visible);
    all["ApproximateNumberOfMessagesNotVisible"] = std::to_string(counts.in_flight);
    all["ApproximateNumberOfMessagesDelayed"] = std::to_string(counts.delayed);
    all["CreatedTimestamp"] = std::to_string(q.rec.created_s);
    all["LastModifiedTimestamp"] = std::to_string(q.rec.modified_s);
    all["QueueArn"] = q.arn(call.engine.region());
    std::set<std::string> wanted(names.begin(), names.end());
    bool every = wanted.count("All") > 0;
    nlohmann::json attrs = nlohmann::json::object();
    for (const auto& [k, v] : all) {
        if ((every || wanted.count(k)) && !v.empty()) {
            attrs[k] = v;
        }
    }
    nlohmann::json out = nlohmann::json::object();
    if (!attrs.empty()) {
        out["Attributes"] = attrs;
    }
    return call.respond(out);
}

} // namespace cloudbox::services::sqs::ops
