// The live state of every queue and the message state machine: sends, receives, visibility,
// delays, retention, FIFO groups and deduplication, dead-letter redrive, long-poll waiters. All
// in memory under one mutex; every change is written through sqs_store before it is answered.
#pragma once

#include "core/clock.hpp"
#include "service/pending.hpp"
#include "sqs/sqs_store.hpp"
#include "sqs/sqs_types.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace cloudbox::services::sqs {

struct live_queue {
    queue_record rec;
    std::map<std::int64_t, message_record> messages;        // by seq
    std::set<std::int64_t> ready;                           // visible, in send order
    std::set<std::pair<std::int64_t, std::int64_t>> hidden; // (visible_at_ms, seq)
    std::unordered_map<std::string, std::int64_t> by_id;    // message id -> seq
    std::unordered_map<std::string, int> groups_in_flight;  // FIFO: group -> in-flight count
    std::unordered_map<std::string, dedup_record> dedup;    // FIFO: dedup id -> first send
    // FIFO ReceiveRequestAttemptId -> (seqs returned, expiry ms)
    std::unordered_map<std::string, std::pair<std::vector<std::int64_t>, std::int64_t>> attempts;
    std::vector<std::weak_ptr<service::pending_response>> waiters;

    std::string arn(const std::string& region) const {
        return "arn:aws:sqs:" + region + ":" + rec.account + ":" + rec.name;
    }
    int int_attribute(const char* name) const;
};

// Counts for the Approximate* attributes.
struct queue_counts {
    std::int64_t visible = 0;
    std::int64_t in_flight = 0;
    std::int64_t delayed = 0;
};

enum class handle_result { ok, invalid, gone, not_in_flight, stale };

class sqs_engine {
  public:
    sqs_engine(sqs_store& store, core::clock& clock, std::string region);

    std::unique_lock<std::mutex> lock() { return std::unique_lock(mutex_); }

    // Everything below requires the lock.
    live_queue* find(const std::string& account, const std::string& name);
    live_queue* find_arn(const std::string& arn);
    live_queue& create(queue_record rec);
    void remove(live_queue& q);
    std::vector<live_queue*> all();
    const std::string& region() const { return region_; }
    core::clock& clock() { return clock_; }
    sqs_store& store() { return store_; }

    // Sends (one transaction for the batch). delays[i] in seconds. A FIFO duplicate keeps the
    // first message's id and sequence number and is not enqueued again.
    void send(live_queue& q, std::vector<message_record>& batch, const std::vector<int>& delays);

    // Up to max messages made in flight for visibility_s; redrives messages past the queue's
    // maxReceiveCount to its dead-letter queue first.
    std::vector<const message_record*> receive(live_queue& q, int max, int visibility_s,
                                               const std::string& attempt_id);

    handle_result delete_message(live_queue& q, const std::string& receipt_handle);
    handle_result change_visibility(live_queue& q, const std::string& receipt_handle,
                                    int timeout_s);
    void purge(live_queue& q);
    queue_counts counts(live_queue& q);
    // Moves every message of `from` to `to` (or to each message's dead-letter source when null);
    // returns how many moved.
    std::int64_t move_all(live_queue& from, live_queue* to);
    void save_queue(live_queue& q) { store_.put_queue(q.rec); }

    // Long polling: the waiter is woken when messages may be available on q.
    void add_waiter(live_queue& q, const std::shared_ptr<service::pending_response>& waiter);
    // When the next hidden message of q becomes visible, in steady time (max() when frozen).
    std::chrono::steady_clock::time_point next_visible(live_queue& q);

    // The in-process observer hook (for a future Lambda SQS event source): `listener` is called,
    // on whichever thread made the change and with the engine lock held, whenever messages may
    // have become available on the queue (a send, a visibility change, a redrive or move into
    // it, a clock change). It must only signal its own poller (set a flag, post to an executor),
    // which then calls ReceiveMessage through the dispatcher; calling into SQS from the listener
    // deadlocks. Returns an id for unsubscribe(). Needs no lock.
    int subscribe(const std::string& account, const std::string& queue_name,
                  std::function<void()> listener);
    void unsubscribe(int id);
    // Wakes every waiter and observer (clock changed). Needs no lock.
    void wake_all();
    // How many long-poll receives are parked right now (lets tests wait for "is waiting"
    // instead of sleeping). Needs no lock.
    std::size_t waiting_receives();

    void reset();

  private:
    void promote(live_queue& q, std::int64_t now_ms); // hidden -> ready; drops expired
    void hide(live_queue& q, message_record& m, std::int64_t visible_at_ms);
    void unhide(live_queue& q, message_record& m);
    void erase(live_queue& q, std::int64_t seq);
    void insert(live_queue& q, message_record m);
    void notify(live_queue& q); // with the lock; defers observer calls to after unlock
    std::string new_handle(const live_queue& q, const message_record& m);

    sqs_store& store_;
    core::clock& clock_;
    std::string region_;
    std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, std::unique_ptr<live_queue>> queues_;
    struct observer {
        std::string account, queue;
        std::function<void()> fn;
    };
    std::mutex observers_mutex_;
    std::map<int, observer> observers_;
    int next_observer_ = 0;
};

} // namespace cloudbox::services::sqs
