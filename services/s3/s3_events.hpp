// S3 event notifications: after an object is created or removed, AWS's event record goes to
// every matching target of the bucket's notification configuration (Lambda: async invoke; SQS:
// a message), on the event bus, off the request path. The configurations are cached here so that
// a PUT on a bucket without notifications costs one hash lookup.
#pragma once

#include "events/event_bus.hpp"
#include "s3/s3_notification.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace cloudbox::services::s3 {

// Sends one payload to a target ARN (set by app once Lambda and SQS exist).
using notification_deliver_fn =
    std::function<void(const std::string& target_arn, const std::string& payload)>;

// What an event record says about the object and the request that changed it.
struct object_event {
    std::string event_name; // "ObjectCreated:Put", "ObjectRemoved:Delete", ...
    std::string bucket;
    std::string bucket_region; // filled by publish()
    std::string key;
    std::optional<std::uint64_t> size; // created events only
    std::string etag;                  // created events only (no quotes)
    std::string version_id;
    std::string request_id;
    std::string source_ip;
    std::string principal; // the requester's access key, as userIdentity.principalId
    std::int64_t time_ms = 0;
};

class s3_notifier {
  public:
    explicit s3_notifier(cloudbox::events::event_bus* bus) : bus_(bus) {}

    void set_delivery(notification_deliver_fn deliver);

    // The bucket's configuration changed (nullopt: removed, or the bucket was deleted).
    void configuration_changed(const std::string& bucket, const std::string& region,
                               std::optional<notification_configuration> config);

    void clear(); // every bucket's configuration (reset)

    // Delivers `event` to the targets whose events and filters match it.
    void publish(const object_event& event);

    // s3:TestEvent, which S3 sends to each queue when a configuration is put.
    void send_test_events(const std::string& bucket, const notification_configuration& config,
                          const std::string& request_id, std::int64_t time_ms);

    static nlohmann::json event_record(const object_event& event,
                                       const std::string& configuration_id);

  private:
    void deliver(const std::string& arn, std::string payload, const std::string& what);

    cloudbox::events::event_bus* bus_;
    std::shared_mutex mutex_;
    struct bucket_notifications {
        std::string region;
        notification_configuration config;
    };
    std::unordered_map<std::string, std::shared_ptr<const bucket_notifications>> configs_;
    std::mutex delivery_mutex_;
    notification_deliver_fn deliver_;
    std::uint64_t sequence_ = 0; // guarded by delivery_mutex_; makes sequencers increase
};

} // namespace cloudbox::services::s3
