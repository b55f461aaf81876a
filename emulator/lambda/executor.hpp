// Runs C++ handlers like Lambda runs functions: execution environments initialised once and
// reused warm, as many at once as the function's concurrency allows, on a worker pool separate
// from the HTTP threads, with the timeout measured in real elapsed time and START/END/REPORT
// log lines written to the function's log stream.
#pragma once

#include "core/clock.hpp"
#include "lambda/handler.hpp"
#include "lambda/log_sink.hpp"
#include "lambda/worker_pool.hpp"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace cloudbox::lambda {

// The configuration of the function version being invoked.
struct function_spec {
    std::string account_id;
    std::string region;
    std::string name;
    std::string version = "$LATEST";
    std::string invoked_arn; // the ARN the caller used (with its qualifier)
    std::string handler;
    int memory_mb = 128;
    int timeout_seconds = 3;
    std::map<std::string, std::string> environment;
    std::string revision_id;                 // warm environments serve one revision only
    std::optional<int> reserved_concurrency; // PutFunctionConcurrency
};

struct invocation {
    function_spec fn;
    std::string request_id;
    std::string payload; // JSON text
    std::optional<json> client_context;
};

struct invocation_result {
    bool function_error = false; // X-Amz-Function-Error: Unhandled
    bool timed_out = false;
    std::string payload; // the result JSON, or the error object
    std::string error_type;
    std::string error_message;
    std::string log_text; // this invocation's log lines (Tail)
};

// Makes the AWS client a function calls with, for its account and region.
using client_factory = std::function<std::unique_ptr<aws_client>(const std::string& account,
                                                                 const std::string& region)>;

class executor {
  public:
    static constexpr int account_concurrency = 1000;

    executor(core::clock& clock, log_sink& logs, client_factory clients,
             std::vector<registered_function> handlers);
    ~executor();
    executor(const executor&) = delete;
    executor& operator=(const executor&) = delete;

    // Starts the invocation; `done` is called once, on a worker or the watchdog thread (or on
    // this thread, before submit returns, for a handler registered runs_inline). False (and
    // `done` never called) when the function is at its concurrency limit.
    bool submit(invocation inv, std::function<void(invocation_result)> done);

    // Convenience for callers that may block (not the HTTP threads): nullopt when throttled.
    std::optional<invocation_result> run(invocation inv);

    // Drops every warm environment (configuration or code changed, or reset).
    void drop_environments(const std::string& account, const std::string& region,
                           const std::string& name);
    void drop_all_environments();

    int in_flight(const std::string& account, const std::string& region,
                  const std::string& name) const;
    std::size_t total_in_flight() const;
    // Blocks until no invocation is running (or timeout); true when idle.
    bool wait_idle(std::chrono::milliseconds timeout) const;

  private:
    struct environment;
    struct running;
    void execute(const std::shared_ptr<running>& run);
    bool finish(const std::shared_ptr<running>& run, invocation_result result);
    void watchdog_loop();
    std::string environment_key(const function_spec& fn) const;

    core::clock& clock_;
    log_sink& logs_;
    client_factory clients_;
    std::unordered_map<std::string, handler_factory> handlers_;
    std::unordered_set<std::string> inline_handlers_; // registered runs_inline
    worker_pool pool_;

    mutable std::mutex mutex_;
    mutable std::condition_variable idle_cv_;
    std::unordered_map<std::string, int> in_flight_; // by account/region/name
    std::size_t total_in_flight_ = 0;
    std::unordered_map<std::string, std::vector<std::unique_ptr<environment>>> idle_envs_;
    std::uint64_t generation_ = 0; // bumped by drop_all: environments of older ones are discarded

    using deadline_map =
        std::multimap<std::chrono::steady_clock::time_point, std::weak_ptr<running>>;
    std::mutex watch_mutex_;
    std::condition_variable watch_cv_;
    deadline_map deadlines_; // running invocations (an invocation leaves it when it ends)
    // What the watchdog sleeps until (min while it is awake): a new deadline wakes it only when
    // earlier. Waking it for every invocation cost a context switch per invoke.
    std::chrono::steady_clock::time_point watch_wake_at_ =
        std::chrono::steady_clock::time_point::min();
    bool stopping_ = false;
    std::thread watchdog_;
};

// "2026/11/21/[$LATEST]0123456789abcdef0123456789abcdef"
std::string new_log_stream_name(std::chrono::system_clock::time_point now,
                                const std::string& version);

} // namespace cloudbox::lambda
