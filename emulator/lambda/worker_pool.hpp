// Threads for function code, separate from the HTTP threads. The pool grows when every thread
// is busy (a timed-out handler keeps its thread until it returns), up to a cap.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cloudbox::lambda {

class worker_pool {
  public:
    explicit worker_pool(std::size_t max_threads = 512) : max_threads_(max_threads) {}
    ~worker_pool();
    worker_pool(const worker_pool&) = delete;
    worker_pool& operator=(const worker_pool&) = delete;

    // False when the pool is stopping or at its thread cap with every thread busy.
    bool submit(std::function<void()> task);
    std::size_t threads() const;

  private:
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    std::size_t max_threads_;
    bool stopping_ = false;
};

} // namespace cloudbox::lambda
