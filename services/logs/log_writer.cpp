// The group-commit writer of Lambda's log lines.
#include "logs/log_writer.hpp"

#include "core/logging.hpp"

namespace cloudbox::services::logs {

log_writer::log_writer(logs_store& store, core::clock& clock)
    : store_(store), clock_(clock), thread_([this] { run(); }) {}

log_writer::~log_writer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_cv_.notify_all();
    thread_.join();
}

void log_writer::add(const cloudbox::lambda::log_batch& batch) {
    logs_store::stream_events e{
        batch.account_id + ":" + batch.region, batch.group, batch.stream, {}};
    e.events.reserve(batch.events.size());
    for (const auto& line : batch.events) {
        e.events.emplace_back(line.timestamp_ms, line.message);
    }
    bool first = false;
    {
        std::lock_guard lock(mutex_);
        first = queued_.empty();
        queued_.push_back(std::move(e));
        ++added_;
    }
    if (first) {
        work_cv_.notify_one(); // later ones ride on the same wake-up
    }
}

void log_writer::flush() {
    std::unique_lock lock(mutex_);
    std::uint64_t target = added_;
    stored_cv_.wait(lock, [&] { return stored_ >= target; });
}

void log_writer::discard() {
    std::unique_lock lock(mutex_);
    stored_ += queued_.size();
    queued_.clear();
    stored_cv_.notify_all();
    // A batch being written right now lands before the caller goes on (a reset must not be
    // followed by lines from before it).
    stored_cv_.wait(lock, [this] { return stored_ >= added_; });
}

void log_writer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        work_cv_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
        if (queued_.empty()) {
            return; // stopping, nothing left
        }
        std::vector<logs_store::stream_events> batch;
        batch.swap(queued_);
        lock.unlock();
        try {
            store_.append_all(batch, clock_.now_millis());
        } catch (const std::exception& e) {
            core::log_warn(std::string("lambda: could not store log lines: ") + e.what());
        }
        lock.lock();
        stored_ += batch.size();
        stored_cv_.notify_all();
    }
}

} // namespace cloudbox::services::logs
