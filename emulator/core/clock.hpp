// The one injectable clock: everything that reads wall time asks this, so tests can freeze it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace cloudbox::core {

class clock {
  public:
    using time_point = std::chrono::system_clock::time_point;
    using duration = std::chrono::system_clock::duration;

    // Wall time as seen by AWS semantics (expiry, timestamps, visibility, TTL, schedules).
    time_point now() const;
    std::int64_t now_millis() const;
    std::int64_t now_seconds() const;

    void freeze();            // stop at the current instant
    void unfreeze();          // run again from the frozen instant
    void set(time_point t);   // jump to t (keeps frozen/running state)
    void advance(duration d); // move forward (or back) by d
    bool frozen() const;

    // Called (outside the lock) after every freeze/unfreeze/set/advance, so that waiters on
    // clock time (SQS long polls, delayed messages) re-check. Returns an id for removal.
    int add_change_listener(std::function<void()> listener);
    void remove_change_listener(int id);

  private:
    mutable std::mutex mutex_;
    bool frozen_ = false;
    time_point frozen_at_{};
    duration offset_{}; // added to the system clock while running
    std::map<int, std::function<void()>> listeners_;
    int next_listener_ = 0;
    void notify_changed();
};

} // namespace cloudbox::core
