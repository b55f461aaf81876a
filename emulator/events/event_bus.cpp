// The event bus's worker threads and drain.
#include "events/event_bus.hpp"

#include "core/logging.hpp"

#include <exception>

namespace cloudbox::events {

event_bus::event_bus(bool synchronous, unsigned workers) : synchronous_(synchronous) {
    if (!synchronous_) {
        for (unsigned i = 0; i < std::max(1u, workers); ++i) {
            workers_.emplace_back([this] { worker_loop(); });
        }
    }
}

event_bus::~event_bus() {
    stop();
}

void event_bus::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        stopping_ = true;
    }
    wake_.notify_all();
    idle_.notify_all();
    for (auto& t : workers_) {
        t.join();
    }
    workers_.clear();
}

void event_bus::post(std::string what, std::function<void()> job) {
    if (synchronous_) {
        {
            std::lock_guard lock(mutex_);
            ++running_;
        }
        run_job(what, job);
        std::lock_guard lock(mutex_);
        --running_;
        ++completed_;
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        queue_.emplace_back(std::move(what), std::move(job));
    }
    wake_.notify_one();
}

void event_bus::add_drain_hook(std::function<void()> wait_idle) {
    std::lock_guard lock(mutex_);
    drain_hooks_.push_back(std::move(wait_idle));
}

void event_bus::run_job(const std::string& what, const std::function<void()>& job) {
    try {
        job();
    } catch (const std::exception& e) {
        core::log(core::log_level::error, "event delivery failed (" + what + "): " + e.what());
    } catch (...) {
        core::log(core::log_level::error, "event delivery failed (" + what + ")");
    }
}

void event_bus::worker_loop() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) {
            return;
        }
        auto [what, job] = std::move(queue_.front());
        queue_.pop_front();
        ++running_;
        lock.unlock();
        run_job(what, job);
        lock.lock();
        --running_;
        ++completed_;
        if (queue_.empty() && running_ == 0) {
            idle_.notify_all();
        }
    }
}

bool event_bus::wait_queue_idle() {
    std::unique_lock lock(mutex_);
    std::size_t before = completed_;
    idle_.wait(lock, [this] { return stopping_ || (queue_.empty() && running_ == 0); });
    return completed_ != before;
}

void event_bus::drain() {
    // Hooks may post to the bus and jobs may feed the hooks' queues: go round until a whole pass
    // saw no job complete.
    for (int pass = 0; pass < 1000; ++pass) {
        std::vector<std::function<void()>> hooks;
        {
            std::lock_guard lock(mutex_);
            hooks = drain_hooks_;
        }
        std::size_t before = 0;
        {
            std::lock_guard lock(mutex_);
            before = completed_;
        }
        wait_queue_idle();
        for (const auto& hook : hooks) {
            hook();
        }
        wait_queue_idle();
        std::lock_guard lock(mutex_);
        if (completed_ == before) {
            return;
        }
    }
}

} // namespace cloudbox::events
