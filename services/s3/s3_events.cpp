// S3 event records (eventVersion 2.1) and their delivery.
#include "s3/s3_events.hpp"

#include "core/encoding.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"

#include <cstdio>

namespace cloudbox::services::s3 {

using nlohmann::json;

namespace {

// Keys in event records are URL-encoded the way HTML forms are ('/' kept, spaces become '+').
std::string event_key(const std::string& key) {
    std::string encoded = core::url_encode(key, false);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded.compare(i, 3, "%20") == 0) {
            out += '+';
            i += 2;
        } else {
            out += encoded[i];
        }
    }
    return out;
}

std::string hex_sequencer(std::uint64_t value) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llX", static_cast<unsigned long long>(value));
    return buf;
}

} // namespace

void s3_notifier::set_delivery(notification_deliver_fn deliver) {
    std::lock_guard lock(delivery_mutex_);
    deliver_ = std::move(deliver);
}

void s3_notifier::configuration_changed(const std::string& bucket, const std::string& region,
                                        std::optional<notification_configuration> config) {
    std::unique_lock lock(mutex_);
    if (!config || config->targets.empty()) {
        configs_.erase(bucket);
    } else {
        configs_[bucket] =
            std::make_shared<const bucket_notifications>(bucket_notifications{region, *config});
    }
}

void s3_notifier::clear() {
    std::unique_lock lock(mutex_);
    configs_.clear();
}

json s3_notifier::event_record(const object_event& e, const std::string& configuration_id) {
    json object = {{"key", event_key(e.key)}};
    if (e.size) {
        object["size"] = *e.size;
        object["eTag"] = e.etag;
    }
    if (!e.version_id.empty()) {
        object["versionId"] = e.version_id;
    }
    object["sequencer"] = ""; // filled per delivery
    return {
        {"eventVersion", "2.1"},
        {"eventSource", "aws:s3"},
        {"awsRegion", e.bucket_region},
        {"eventTime", core::format_iso8601_millis(core::from_millis(e.time_ms))},
        {"eventName", e.event_name},
        {"userIdentity", {{"principalId", "AWS:" + e.principal}}},
        {"requestParameters", {{"sourceIPAddress", e.source_ip}}},
        {"responseElements",
         {{"x-amz-request-id", e.request_id}, {"x-amz-id-2", core::base64_encode(e.request_id)}}},
        {"s3",
         {{"s3SchemaVersion", "1.0"},
          {"configurationId", configuration_id},
          {"bucket",
           {{"name", e.bucket},
            {"ownerIdentity", {{"principalId", e.principal}}},
            {"arn", "arn:aws:s3:::" + e.bucket}}},
          {"object", object}}}};
}

void s3_notifier::publish(const object_event& original) {
    std::shared_ptr<const bucket_notifications> config;
    {
        std::shared_lock lock(mutex_);
        auto it = configs_.find(original.bucket);
        if (it == configs_.end()) {
            return;
        }
        config = it->second;
    }
    object_event event = original;
    event.bucket_region = config->region;
    const std::string full_name = "s3:" + event.event_name;
    for (const auto* target : config->config.targets_for(full_name, event.key)) {
        json record = event_record(event, target->id);
        {
            std::lock_guard lock(delivery_mutex_);
            // Increasing per process, so that events on one key can be ordered as in AWS.
            record["s3"]["object"]["sequencer"] =
                hex_sequencer((static_cast<std::uint64_t>(event.time_ms) << 16) + ++sequence_);
        }
        json payload = {{"Records", json::array({record})}};
        deliver(target->arn, payload.dump(), full_name + " " + event.bucket + " -> " + target->arn);
    }
}

void s3_notifier::send_test_events(const std::string& bucket,
                                   const notification_configuration& config,
                                   const std::string& request_id, std::int64_t time_ms) {
    for (const auto& target : config.targets) {
        if (target.kind != notification_kind::queue) {
            continue;
        }
        json payload = {{"Service", "Amazon S3"},
                        {"Event", "s3:TestEvent"},
                        {"Time", core::format_iso8601_millis(core::from_millis(time_ms))},
                        {"Bucket", bucket},
                        {"RequestId", request_id},
                        {"HostId", core::base64_encode(request_id)}};
        deliver(target.arn, payload.dump(), "s3:TestEvent " + bucket + " -> " + target.arn);
    }
}

void s3_notifier::deliver(const std::string& arn, std::string payload, const std::string& what) {
    notification_deliver_fn fn;
    {
        std::lock_guard lock(delivery_mutex_);
        fn = deliver_;
    }
    if (!fn || bus_ == nullptr) {
        core::log_warn(what + ": no delivery wired, event dropped");
        return;
    }
    bus_->post(what, [fn, arn, payload = std::move(payload)] { fn(arn, payload); });
}

} // namespace cloudbox::services::s3
