// Lambda event source mappings at work: SQS queues and DynamoDB streams polled for records that
// are handed to the mapped function in batches, through the same in-process API calls an
// external client would make (ReceiveMessage / GetRecords, Invoke, DeleteMessageBatch).
//
// A background thread polls every enabled mapping, sleeping between passes that found nothing
// (woken early by wake(): each enabled SQS mapping subscribes to its queue, and DynamoDB tells
// of every write that appended stream records, so new records wake the poller at once and the
// timer is only a fallback); drain() runs passes on the caller's thread until one delivers
// nothing, for deterministic tests (POST /_cloudbox/events/drain, and --sync-events after each
// request that woke the poller: take_signal()).
#pragma once

#include "core/clock.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cloudbox::service {
class dispatcher;
}

namespace cloudbox::services::lambda_sources {

using nlohmann::json;

// The current mappings (documents as GetEventSourceMapping returns them).
using mapping_list_fn = std::function<std::vector<json>()>;

// SQS's observer hook (sqs_service::subscribe / unsubscribe): the listener is called, with the
// queue's lock held, whenever messages may have become available; it only signals the poller.
struct queue_signals {
    std::function<int(const std::string& account, const std::string& queue,
                      std::function<void()> listener)>
        subscribe;
    std::function<void(int id)> unsubscribe;
};

// Durable stream positions (Lambda's store): the last sequence number a mapping processed in a
// shard, loaded when the poller first meets the shard and saved after every batch it finishes.
struct checkpoint_store {
    std::function<std::optional<std::string>(const std::string& uuid, const std::string& shard)>
        load;
    std::function<void(const std::string& uuid, const std::string& shard,
                       const std::string& sequence)>
        save;
};

class event_source_poller {
  public:
    event_source_poller(service::dispatcher& dispatcher, core::clock& clock,
                        mapping_list_fn mappings,
                        std::chrono::milliseconds idle_interval = std::chrono::milliseconds(200));
    ~event_source_poller();
    event_source_poller(const event_source_poller&) = delete;
    event_source_poller& operator=(const event_source_poller&) = delete;

    // Set before start(): without it the poller relies on its timer alone.
    void set_queue_signals(queue_signals signals);
    // Set before start(): without it stream positions live in memory only.
    void set_checkpoints(checkpoint_store checkpoints);

    void start();
    void stop();
    void wake();
    // True when wake() was called since the last take_signal(): records may be waiting.
    bool take_signal() { return signalled_.exchange(false); }

    // One pass over every enabled mapping; returns how many records were handed to functions.
    std::size_t poll_once();
    // Passes until one delivers nothing.
    void drain();

  private:
    struct shard_position {
        std::string after_sequence; // last sequence number delivered (empty: starting position)
        int failed_attempts = 0;
        int batch_limit = 0; // > 0 while a bisected batch is retried
    };

    // Subscribes to the queue of every enabled SQS mapping, and drops the subscriptions of
    // mappings that are gone or disabled. Called with poll_mutex_ held.
    void follow_queues(const std::vector<json>& mappings);
    void unfollow_all_queues();
    std::size_t poll_sqs(const json& mapping);
    std::size_t poll_stream(const json& mapping);
    // The shard's position, from memory or (first time since start) from the checkpoints.
    shard_position& stream_position(const std::string& uuid, const std::string& shard_id);
    // The batch ending at `sequence` is done (processed, skipped or sent to OnFailure).
    void advance(const std::string& uuid, const std::string& shard_id, shard_position& pos,
                 const std::string& sequence);
    // Invokes the mapped function synchronously; returns the function's result, or nullopt when
    // the invocation failed (function error, throttled, missing function).
    std::optional<json> invoke(const json& mapping, const json& event);
    void send_to_failure_destination(const json& mapping, const json& info);

    service::dispatcher& dispatcher_;
    core::clock& clock_;
    mapping_list_fn mappings_;
    std::chrono::milliseconds idle_interval_;

    std::mutex poll_mutex_; // one pass at a time: stream batches stay in order
    std::map<std::string, shard_position> positions_; // "<mapping uuid>|<shard id>"
    checkpoint_store checkpoints_;
    queue_signals queue_signals_;
    std::map<std::string, int> queue_subscriptions_; // mapping uuid -> subscription id

    std::mutex mutex_;
    std::condition_variable wake_cv_;
    bool woken_ = false;
    bool stopping_ = false;
    std::atomic<bool> signalled_{false};
    std::thread thread_;
};

} // namespace cloudbox::services::lambda_sources
