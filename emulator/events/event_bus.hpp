// Delivery of cross-service events (S3 notifications, schedules, event sources) off the request
// path: jobs run on the bus's own worker threads, like AWS's asynchronous delivery. With
// --sync-events a job runs on the posting thread before post() returns, so the request that
// caused an event answers only after its consumers ran (deterministic CI).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cloudbox::events {

class event_bus {
  public:
    explicit event_bus(bool synchronous, unsigned workers = 2);
    ~event_bus(); // stops; jobs still queued are dropped (their sources re-deliver if durable)
    event_bus(const event_bus&) = delete;
    event_bus& operator=(const event_bus&) = delete;

    bool synchronous() const { return synchronous_; }

    // Queues a job (what names it for the log). A job that throws is logged and dropped.
    void post(std::string what, std::function<void()> job);

    // Other queues of pending deliveries (Lambda's async invocations, event-source pollers)
    // register a function that returns once they have nothing runnable left; drain() runs them.
    void add_drain_hook(std::function<void()> wait_idle);

    // Returns when no job is queued or running and every drain hook reports idle, repeating
    // until a full pass started nothing new (a job may post more work).
    void drain();

    void stop();

  private:
    void worker_loop();
    void run_job(const std::string& what, const std::function<void()>& job);
    bool wait_queue_idle(); // true when some job ran since the last call

    bool synchronous_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<std::pair<std::string, std::function<void()>>> queue_;
    std::size_t running_ = 0;
    std::size_t completed_ = 0; // jobs finished, for drain()'s "nothing new" test
    bool stopping_ = false;
    std::vector<std::thread> workers_;
    std::vector<std::function<void()>> drain_hooks_;
};

} // namespace cloudbox::events
