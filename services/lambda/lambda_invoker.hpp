// Asynchronous invocations: a durable queue (SQLite), delivered on the clock by one thread,
// retried with back-off (1 then 2 minutes, as Lambda does), then the dead-letter queue and the
// OnFailure destination; OnSuccess likewise; MaximumEventAgeInSeconds honoured.
#pragma once

#include "lambda/executor.hpp"
#include "lambda/lambda_store.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

namespace cloudbox::service {
class dispatcher;
}

namespace cloudbox::services::lambda {

class lambda_invoker {
  public:
    lambda_invoker(lambda_store& store, core::clock& clock, cloudbox::lambda::executor& executor);
    ~lambda_invoker();
    lambda_invoker(const lambda_invoker&) = delete;
    lambda_invoker& operator=(const lambda_invoker&) = delete;

    void attach(service::dispatcher& dispatcher) { dispatcher_ = &dispatcher; }

    // Queues an Event invocation durably; delivery starts at once.
    void enqueue(const scope_key& scope, const std::string& function_name,
                 const std::string& qualifier, const std::string& payload,
                 const std::string& request_id);

    // Returns once no queued invocation is due (on the clock) and none is running.
    bool drain(std::chrono::milliseconds timeout);
    void stop();

  private:
    void deliver_loop();
    void deliver(const async_item& item);
    void completed(const async_item& item, const json& config,
                   const cloudbox::lambda::invocation_result& result);
    void send_failure(const async_item& item, const json& config, const json& invoke_config,
                      const std::string& condition,
                      const cloudbox::lambda::invocation_result* result);
    void send_to_destination(const async_item& item, const std::string& destination,
                             const json& record);
    void send_to_queue(const async_item& item, const std::string& queue_arn,
                       const std::string& body, const json& attributes);

    lambda_store& store_;
    core::clock& clock_;
    cloudbox::lambda::executor& executor_;
    service::dispatcher* dispatcher_ = nullptr;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::set<std::int64_t> in_progress_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace cloudbox::services::lambda
