// The scheduler's thread: sleeps until the earliest timer (in real time while the clock runs,
// until woken while it is frozen) and fires what is due.
#include "events/scheduler.hpp"

#include "core/logging.hpp"

#include <exception>
#include <optional>

namespace cloudbox::events {

namespace {
// A jump of the clock by years must not fire a per-minute rule millions of times in one go.
constexpr std::size_t max_fires_per_run = 10000;
} // namespace

scheduler::scheduler(core::clock& clock) : clock_(clock) {
    clock_subscription_ = clock_.subscribe([this] {
        {
            std::lock_guard lock(mutex_);
            ++generation_;
        }
        wake_.notify_all();
    });
    thread_ = std::thread([this] { loop(); });
}

scheduler::~scheduler() {
    stop();
}

void scheduler::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        stopping_ = true;
    }
    clock_.unsubscribe(clock_subscription_);
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void scheduler::arm(const std::string& key, time_point due, fire_fn fn) {
    {
        std::lock_guard lock(mutex_);
        timers_[key] = timer{due, std::move(fn)};
        ++generation_;
    }
    wake_.notify_all();
}

void scheduler::disarm(const std::string& key) {
    std::lock_guard lock(mutex_);
    timers_.erase(key);
    ++generation_;
}

void scheduler::disarm_all() {
    std::lock_guard lock(mutex_);
    timers_.clear();
    ++generation_;
}

std::size_t scheduler::run_due() {
    std::lock_guard run_lock(run_mutex_);
    std::size_t fired = 0;
    while (fired < max_fires_per_run) {
        const time_point now = clock_.now();
        std::optional<timer> next;
        {
            std::lock_guard lock(mutex_);
            auto earliest = timers_.end();
            for (auto it = timers_.begin(); it != timers_.end(); ++it) {
                if (it->second.due <= now &&
                    (earliest == timers_.end() || it->second.due < earliest->second.due)) {
                    earliest = it;
                }
            }
            if (earliest == timers_.end()) {
                break;
            }
            next = std::move(earliest->second);
            timers_.erase(earliest);
        }
        ++fired;
        try {
            next->fn(next->due);
        } catch (const std::exception& e) {
            core::log_error(std::string("scheduled event failed: ") + e.what());
        }
    }
    return fired;
}

void scheduler::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        std::optional<time_point> earliest;
        for (const auto& [key, t] : timers_) {
            if (!earliest || t.due < *earliest) {
                earliest = t.due;
            }
        }
        const std::uint64_t seen = generation_;
        auto changed = [&] { return stopping_ || generation_ != seen; };
        if (!earliest) {
            wake_.wait(lock, changed);
            continue;
        }
        const time_point now = clock_.now();
        if (*earliest > now) {
            if (clock_.frozen()) {
                wake_.wait(lock, changed); // only a clock change or a new timer can make it due
            } else {
                wake_.wait_for(lock, *earliest - now, changed);
            }
            continue;
        }
        lock.unlock();
        run_due();
        lock.lock();
    }
}

} // namespace cloudbox::events
