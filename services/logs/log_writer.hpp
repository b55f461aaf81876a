// Lambda's log lines reach the store in group commits: the invoking thread only queues its
// batch; one writer thread stores everything queued in one transaction, then whatever queued
// meanwhile. Every Logs API call waits (flush) for what was queued before it, so a reader never
// misses a line of an invocation that has answered.
//
// Why: one SQLite write transaction per invocation was 28% of the CPU of an echo invoke at 8
// connections; under load the writer stores dozens of invocations per transaction.
#pragma once

#include "core/clock.hpp"
#include "lambda/log_sink.hpp"
#include "logs/logs_store.hpp"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace cloudbox::services::logs {

class log_writer {
  public:
    log_writer(logs_store& store, core::clock& clock);
    ~log_writer(); // stores what is queued, then stops
    log_writer(const log_writer&) = delete;
    log_writer& operator=(const log_writer&) = delete;

    void add(const cloudbox::lambda::log_batch& batch);
    // Returns once every batch added before the call is stored.
    void flush();
    // Drops what is queued and waits for a write in progress (reset).
    void discard();

  private:
    void run();

    logs_store& store_;
    core::clock& clock_;
    std::mutex mutex_;
    std::condition_variable work_cv_;
    std::condition_variable stored_cv_;
    std::vector<logs_store::stream_events> queued_;
    std::uint64_t added_ = 0;  // batches queued since start
    std::uint64_t stored_ = 0; // of those, stored (or dropped)
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace cloudbox::services::logs
