// The one injectable clock.
#include "core/clock.hpp"

namespace cloudbox::core {

using std::chrono::system_clock;

clock::time_point clock::now() const {
    std::lock_guard lock(mutex_);
    return frozen_ ? frozen_at_ : system_clock::now() + offset_;
}

std::int64_t clock::now_millis() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
}

std::int64_t clock::now_seconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
}

void clock::freeze() {
    {
        std::lock_guard lock(mutex_);
        if (!frozen_) {
            frozen_at_ = system_clock::now() + offset_;
            frozen_ = true;
        }
    }
    notify_changed();
}

void clock::unfreeze() {
    {
        std::lock_guard lock(mutex_);
        if (frozen_) {
            offset_ = frozen_at_ - system_clock::now();
            frozen_ = false;
        }
    }
    notify_changed();
}

void clock::set(time_point t) {
    {
        std::lock_guard lock(mutex_);
        if (frozen_) {
            frozen_at_ = t;
        } else {
            offset_ = t - system_clock::now();
        }
    }
    notify_changed();
}

void clock::advance(duration d) {
    {
        std::lock_guard lock(mutex_);
        if (frozen_) {
            frozen_at_ += d;
        } else {
            offset_ += d;
        }
    }
    notify_changed();
}

int clock::add_change_listener(std::function<void()> listener) {
    std::lock_guard lock(mutex_);
    listeners_.emplace(++next_listener_, std::move(listener));
    return next_listener_;
}

void clock::remove_change_listener(int id) {
    std::lock_guard lock(mutex_);
    listeners_.erase(id);
}

void clock::notify_changed() {
    std::map<int, std::function<void()>> copy;
    {
        std::lock_guard lock(mutex_);
        copy = listeners_;
    }
    for (auto& [id, fn] : copy) {
        fn();
    }
}

bool clock::frozen() const {
    std::lock_guard lock(mutex_);
    return frozen_;
}

} // namespace cloudbox::core
