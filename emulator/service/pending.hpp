// A deferred response (SQS long polling): the service answers later, without holding a thread.
#pragma once

#include "service/response.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace cloudbox::service {

// Returned inside a response (response::pending) when the operation cannot answer yet. The
// transport owns the waiting: it calls try_complete() now, whenever the service wakes it, at
// recheck_at() and at deadline() (then with deadline_reached = true, when the service must
// answer). The attempt function runs on the transport's thread; it must not block.
//
// Thread model: wake() may be called from any thread. The transport registers a waker (the HTTP
// server posts to the session's executor and cancels its timer); an in-process caller uses
// wait(), which blocks on a condition variable.
class pending_response {
  public:
    using steady = std::chrono::steady_clock;
    // Returns the response when ready; must return one when deadline_reached is true.
    using attempt_fn = std::function<std::optional<response>(bool deadline_reached)>;

    pending_response(steady::time_point deadline, attempt_fn attempt)
        : deadline_(deadline), attempt_(std::move(attempt)) {}

    steady::time_point deadline() const { return deadline_; }

    // The earliest time a retry could succeed without a wake (a delayed or in-flight message
    // becoming visible); steady::time_point::max() when unknown. Set by the service.
    steady::time_point recheck_at() const {
        return steady::time_point(steady::duration(recheck_at_.load()));
    }
    void set_recheck_at(steady::time_point t) { recheck_at_.store(t.time_since_epoch().count()); }

    // Tries to produce the response; clears the wake signal first so a wake racing with the
    // attempt is never lost.
    std::optional<response> try_complete(bool deadline_reached) {
        signalled_.store(false);
        if (cancelled_.load()) {
            return std::nullopt;
        }
        return attempt_(deadline_reached || steady::now() >= deadline_);
    }

    // True once wake() was called since the last try_complete().
    bool signalled() const { return signalled_.load(); }

    // The transport's wake-up hook (replaced on each registration; null to unregister).
    void set_waker(std::function<void()> waker) {
        std::lock_guard lock(mutex_);
        waker_ = std::move(waker);
    }

    // Called by the service when the outcome may have changed (any thread).
    void wake() {
        signalled_.store(true);
        std::function<void()> waker;
        {
            std::lock_guard lock(mutex_);
            waker = waker_;
        }
        if (waker) {
            waker();
        }
        cv_.notify_all();
    }

    // The client went away: the service can drop it; try_complete() answers nothing.
    void cancel() {
        cancelled_.store(true);
        wake();
    }
    bool cancelled() const { return cancelled_.load(); }

    // For in-process callers: blocks this thread until the response is ready.
    response wait() {
        for (;;) {
            auto now = steady::now();
            if (auto r = try_complete(now >= deadline_)) {
                return std::move(*r);
            }
            std::unique_lock lock(mutex_);
            auto until = std::min(deadline_, recheck_at());
            cv_.wait_until(lock, until, [this] { return signalled_.load(); });
        }
    }

  private:
    steady::time_point deadline_;
    attempt_fn attempt_;
    std::atomic<steady::rep> recheck_at_{steady::time_point::max().time_since_epoch().count()};
    std::atomic<bool> signalled_{false};
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::condition_variable cv_;
    std::function<void()> waker_;
};

} // namespace cloudbox::service
