// Small functions for tests and demos: echo, fail, sleep, whoami, partialBatch, startStamp.
#include "functions.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace cloudbox::functions {

using lambda::invocation_context;
using lambda::invocation_response;
using lambda::json;

lambda::handler_fn init_echo(lambda::init_context&) {
    return [](const json& event, invocation_context&) { return invocation_response::ok(event); };
}

// Fails with errorType "Error" and the event's message, like `throw new Error(event.message)`.
lambda::handler_fn init_fail(lambda::init_context&) {
    return [](const json& event, invocation_context&) {
        std::string message = "fail";
        if (event.is_object() && event.contains("message")) {
            message = event["message"].is_string() ? event["message"].get<std::string>()
                                                   : event["message"].dump();
        }
        return invocation_response::failure(message, "Error",
                                            {"at fail (functions/test_functions.cpp)"});
    };
}

// Sleeps the event's `ms` milliseconds, then returns {"slept": ms}. It never sleeps long past
// its own deadline: by then the invocation has timed out and its thread should be freed.
lambda::handler_fn init_sleep(lambda::init_context&) {
    return [](const json& event, invocation_context& ctx) {
        std::int64_t ms = 0;
        if (event.is_object() && event.contains("ms") && event["ms"].is_number()) {
            ms = event["ms"].get<std::int64_t>();
        }
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        std::this_thread::sleep_until(
            std::min(until, ctx.deadline + std::chrono::milliseconds(50)));
        return invocation_response::ok(json{{"slept", ms}});
    };
}

// Returns what the context says about this invocation.
lambda::handler_fn init_whoami(lambda::init_context&) {
    return [](const json&, invocation_context& ctx) {
        json env = json::object();
        for (const auto& [k, v] : ctx.environment) {
            env[k] = v;
        }
        return invocation_response::ok(json{
            {"requestId", ctx.request_id},
            {"functionName", ctx.function_name},
            {"functionVersion", ctx.function_version},
            {"invokedFunctionArn", ctx.invoked_function_arn},
            {"memoryLimitInMB", ctx.memory_limit_in_mb},
            {"remainingTimeInMillis", ctx.get_remaining_time().count()},
            {"logGroupName", ctx.log_group_name},
            {"logStreamName", ctx.log_stream_name},
            {"clientContext", ctx.client_context ? *ctx.client_context : json(nullptr)},
            {"environment", env},
        });
    };
}

// For an SQS batch: reports every record whose body contains "fail" as a batch item failure.
lambda::handler_fn init_partial_batch(lambda::init_context&) {
    return [](const json& event, invocation_context& ctx) {
        json failures = json::array();
        if (event.is_object() && event.contains("Records") && event["Records"].is_array()) {
            for (const auto& record : event["Records"]) {
                std::string body = record.value("body", "");
                if (body.find("fail") != std::string::npos) {
                    failures.push_back({{"itemIdentifier", record.value("messageId", "")}});
                }
            }
            ctx.log->log("records: " + std::to_string(event["Records"].size()) +
                         ", failures: " + std::to_string(failures.size()));
        }
        return invocation_response::ok(json{{"batchItemFailures", failures}});
    };
}

namespace {

// What names the event that started a startStamp invocation: the S3 object key, the SQS body or
// the DynamoDB keys of its first record, else the event's "id".
std::string stamp_mark(const json& event) {
    if (!event.is_object()) {
        return "";
    }
    if (auto records = event.find("Records");
        records != event.end() && records->is_array() && !records->empty()) {
        const json& r = (*records)[0];
        if (auto s3 = r.find("s3"); s3 != r.end() && s3->is_object()) {
            return s3->value("object", json::object()).value("key", "");
        }
        if (auto body = r.find("body"); body != r.end() && body->is_string()) {
            return body->get<std::string>();
        }
        if (auto ddb = r.find("dynamodb"); ddb != r.end() && ddb->is_object()) {
            return ddb->value("Keys", json::object()).dump();
        }
    }
    auto id = event.find("id");
    return id != event.end() && id->is_string() ? id->get<std::string>() : "";
}

} // namespace

// Logs "started <epoch microseconds> <mark>" as it starts and returns both: the benchmark of
// event delivery (an S3 PUT, an SQS send, a stream write to the function starting) reads it.
// Real time on purpose, not the injectable clock: it is compared with the client's own
// clock, on the same machine, at a resolution the millisecond log timestamps do not have.
lambda::handler_fn init_start_stamp(lambda::init_context&) {
    return [](const json& event, invocation_context& ctx) {
        auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
        std::string mark = stamp_mark(event);
        ctx.log->log("started " + std::to_string(micros) + " " + mark);
        return invocation_response::ok(json{{"startedMicros", micros}, {"mark", mark}});
    };
}

} // namespace cloudbox::functions
