// The function worker pool.
#include "lambda/worker_pool.hpp"

namespace cloudbox::lambda {

worker_pool::~worker_pool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) {
        t.join();
    }
}

bool worker_pool::submit(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    if (stopping_) {
        return false;
    }
    if (idle_ <= tasks_.size()) {
        if (threads_.size() >= max_threads_) {
            return false;
        }
        threads_.emplace_back([this] { run(); });
    }
    tasks_.push_back(std::move(task));
    lock.unlock();
    wake_.notify_one();
    return true;
}

std::size_t worker_pool::threads() const {
    std::lock_guard lock(mutex_);
    return threads_.size();
}

void worker_pool::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        ++idle_;
        wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        --idle_;
        if (tasks_.empty()) {
            return; // stopping
        }
        auto task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        task();
        lock.lock();
    }
}

} // namespace cloudbox::lambda
