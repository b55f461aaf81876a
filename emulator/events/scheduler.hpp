// Timers on the injected clock's time line: EventBridge schedules (and anything else that must
// happen at a clock time) arm a timer; the scheduler thread fires it when the clock reaches it,
// whether the clock runs, jumps (set/advance) or is frozen.
#pragma once

#include "core/clock.hpp"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace cloudbox::events {

class scheduler {
  public:
    using time_point = core::clock::time_point;
    using fire_fn = std::function<void(time_point due)>;

    explicit scheduler(core::clock& clock);
    ~scheduler();
    scheduler(const scheduler&) = delete;
    scheduler& operator=(const scheduler&) = delete;

    // (Re)arms timer `key` for clock time `due`. When it fires, fn runs once (on the scheduler's
    // thread, or on the thread calling run_due) and the timer is disarmed: periodic timers re-arm
    // themselves from fn. A timer whose due time has passed fires at once: missed occurrences of
    // a jump forward are fired in order.
    void arm(const std::string& key, time_point due, fire_fn fn);
    void disarm(const std::string& key);
    void disarm_all();

    // Fires, on this thread, every timer due at the clock's current time (the control API calls
    // it after moving the clock, so that --sync-events delivers before it answers). Returns how
    // many fired.
    std::size_t run_due();

    void stop();

  private:
    struct timer {
        time_point due;
        fire_fn fn;
    };
    void loop();

    core::clock& clock_;
    std::uint64_t clock_subscription_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::string, timer> timers_;
    std::uint64_t generation_ = 0; // bumped on every change, so the loop re-plans
    bool stopping_ = false;
    std::mutex run_mutex_; // one run_due at a time: occurrences fire in order
    std::thread thread_;
};

} // namespace cloudbox::events
