// The executor on its own: a handler registered runs_inline runs on the invoking thread, with
// the same environments, logs and concurrency accounting as one run on the worker pool.
#include "lambda/executor.hpp"

#include <catch2/catch.hpp>

#include <mutex>
#include <sstream>
#include <thread>

using namespace cloudbox;

namespace {

struct recorded_logs final : lambda::log_sink {
    std::mutex mutex;
    std::vector<lambda::log_batch> batches;
    void write(const lambda::log_batch& batch) override {
        std::lock_guard lock(mutex);
        batches.push_back(batch);
    }
};

// A handler that answers with the id of the thread it ran on.
lambda::handler_factory thread_reporter() {
    return [](lambda::init_context&) {
        return [](const lambda::json&, lambda::invocation_context&) {
            std::ostringstream id;
            id << std::this_thread::get_id();
            return lambda::invocation_response::ok(id.str());
        };
    };
}

lambda::invocation invocation_of(const std::string& handler, const std::string& request_id) {
    lambda::invocation inv;
    inv.fn.account_id = "000000000000";
    inv.fn.region = "us-east-1";
    inv.fn.name = handler;
    inv.fn.handler = handler;
    inv.fn.revision_id = "r1";
    inv.request_id = request_id;
    inv.payload = "{}";
    return inv;
}

} // namespace

TEST_CASE("Executor: a runs_inline handler runs on the invoking thread, others on the pool",
          "[unit]") {
    core::clock clock;
    recorded_logs logs;
    lambda::executor exec(clock, logs,
                          [](const std::string&, const std::string&) { return nullptr; },
                          {{"inlined", thread_reporter(), true}, {"pooled", thread_reporter()}});
    std::ostringstream here;
    here << std::this_thread::get_id();
    std::string here_id = lambda::json(here.str()).dump();

    for (const char* request_id : {"r-1", "r-2"}) {
        std::optional<lambda::invocation_result> result;
        REQUIRE(exec.submit(invocation_of("inlined", request_id),
                            [&](lambda::invocation_result r) { result = std::move(r); }));
        REQUIRE(result.has_value()); // answered before submit returned
        CHECK(result->payload == here_id);
        CHECK_FALSE(result->function_error);
        CHECK(exec.total_in_flight() == 0);
    }
    auto pooled = exec.run(invocation_of("pooled", "r-3"));
    REQUIRE(pooled.has_value());
    CHECK(pooled->payload != here_id);

    // Lambda's log lines for every invocation, and the inline environment was reused warm.
    std::lock_guard lock(logs.mutex);
    REQUIRE(logs.batches.size() == 3);
    CHECK(logs.batches[0].events.front().message == "START RequestId: r-1 Version: $LATEST");
    CHECK(logs.batches[0].events.back().message.find("Init Duration") != std::string::npos);
    CHECK(logs.batches[1].events.back().message.find("Init Duration") == std::string::npos);
    CHECK(logs.batches[0].stream == logs.batches[1].stream);
    CHECK(logs.batches[2].events.back().message.starts_with("REPORT RequestId: r-3"));
}
