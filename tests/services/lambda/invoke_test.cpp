// Invoke: RequestResponse, Event, DryRun, Tail, client context, function errors, timeouts,
// payload limits, concurrency, qualifiers.
#include "core/encoding.hpp"
#include "lambda/lambda_service.hpp"
#include "lambda/lambda_test_support.hpp"
#include "service/dispatcher.hpp"
#include "service/internal_client.hpp"

#include <future>
#include <thread>

using namespace cloudbox::test;

TEST_CASE("Invoke: greetingsOnDemand says hello", "[service]") {
    lambda_fixture f;
    f.must_create("greet", "greetingsOnDemand");
    auto r = f.invoke("greet", R"({"name":"John"})");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.body == "\"Hello John!\"");
    CHECK(r.header("x-amz-executed-version") == "$LATEST");
    CHECK_FALSE(r.has_header("x-amz-function-error"));
    CHECK(f.invoke("greet", "{}").body == "\"Hello World!\"");
    CHECK(f.invoke("greet", R"({"name":""})").body == "\"Hello !\"");
    CHECK(f.invoke("greet", "").body == "\"Hello World!\"");
}

TEST_CASE("Invoke: Tail returns the log with START/END/REPORT", "[service]") {
    lambda_fixture f;
    f.must_create("greet", "greetingsOnDemand");
    auto r = f.invoke("greet", R"({"name":"John"})", {{"x-amz-log-type", "Tail"}});
    REQUIRE(r.status == 200);
    auto log = cloudbox::core::base64_decode(r.header("x-amz-log-result"));
    REQUIRE(log);
    INFO(*log);
    CHECK(log->find("Loading function") != std::string::npos);
    CHECK(log->find("START RequestId: ") != std::string::npos);
    CHECK(log->find(" Version: $LATEST") != std::string::npos);
    CHECK(log->find("Hello John!") != std::string::npos);
    CHECK(log->find("END RequestId: ") != std::string::npos);
    CHECK(log->find("REPORT RequestId: ") != std::string::npos);
    CHECK(log->find("Billed Duration: ") != std::string::npos);
    CHECK(log->find("Init Duration: ") != std::string::npos); // cold start
    // A warm environment: no init the second time.
    auto again = f.invoke("greet", "{}", {{"x-amz-log-type", "Tail"}});
    auto log2 = cloudbox::core::base64_decode(again.header("x-amz-log-result"));
    REQUIRE(log2);
    CHECK(log2->find("Init Duration") == std::string::npos);
    CHECK(log2->find("Loading function") == std::string::npos);
}

TEST_CASE("Invoke: a function error is a 200 with X-Amz-Function-Error", "[service]") {
    lambda_fixture f;
    f.must_create("boom", "fail");
    auto r = f.invoke("boom", R"({"message":"it broke"})");
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-function-error") == "Unhandled");
    auto body = body_of(r);
    CHECK(body["errorMessage"] == "it broke");
    CHECK(body["errorType"] == "Error");
    CHECK(body["stackTrace"].is_array());
}

TEST_CASE("Invoke: an unregistered handler is Runtime.HandlerNotFound", "[service]") {
    lambda_fixture f;
    f.must_create("ghost", "index.handler", {{"Runtime", "nodejs20.x"}});
    auto r = f.invoke("ghost", "{}");
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-function-error") == "Unhandled");
    auto body = body_of(r);
    CHECK(body["errorType"] == "Runtime.HandlerNotFound");
    CHECK(body["errorMessage"] == "Handler 'index.handler' missing on module 'register_functions'");
}

TEST_CASE("Invoke: a timeout is reported as Lambda reports it", "[service]") {
    lambda_fixture f;
    f.must_create("slow", "sleep", {{"Timeout", 1}});
    auto r = f.invoke("slow", R"({"ms": 3000})", {{"x-amz-log-type", "Tail"}});
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-function-error") == "Unhandled");
    auto body = body_of(r);
    CHECK(body["errorType"] == "Sandbox.Timedout");
    CHECK(body["errorMessage"].get<std::string>().ends_with("Task timed out after 1.00 seconds"));
    auto log = cloudbox::core::base64_decode(r.header("x-amz-log-result"));
    REQUIRE(log);
    CHECK(log->find("Task timed out after 1.00 seconds") != std::string::npos);
    CHECK(log->find("Status: timeout") != std::string::npos);
}

TEST_CASE("Invoke: client context and context fields reach the handler", "[service]") {
    lambda_fixture f;
    f.must_create("who", "whoami",
                  {{"MemorySize", 512},
                   {"Timeout", 5},
                   {"Environment", {{"Variables", {{"STAGE", "dev"}}}}}});
    std::string cc = cloudbox::core::base64_encode(R"({"custom":{"k":"v"}})");
    auto r = f.invoke("who", "{}", {{"x-amz-client-context", cc}});
    REQUIRE(r.status == 200);
    auto b = body_of(r);
    CHECK(b["functionName"] == "who");
    CHECK(b["functionVersion"] == "$LATEST");
    CHECK(b["invokedFunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:who");
    CHECK(b["memoryLimitInMB"] == 512);
    CHECK(b["remainingTimeInMillis"].get<int>() > 4000);
    CHECK(b["requestId"] == r.header("x-amzn-requestid"));
    CHECK(b["clientContext"]["custom"]["k"] == "v");
    CHECK(b["environment"]["STAGE"] == "dev");
    CHECK(b["environment"]["AWS_LAMBDA_FUNCTION_NAME"] == "who");
    CHECK(b["logGroupName"] == "/aws/lambda/who");
    CHECK(b["logStreamName"].get<std::string>().find("/[$LATEST]") == 10);
}

TEST_CASE("Invoke: Event is 202 and DryRun 204", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    auto ev = f.invoke("e", "{}", {{"x-amz-invocation-type", "Event"}});
    CHECK(ev.status == 202);
    CHECK(ev.body.empty());
    auto dry = f.invoke("e", "{}", {{"x-amz-invocation-type", "DryRun"}});
    CHECK(dry.status == 204);
    CHECK(f.server.app().drain_events(std::chrono::seconds(10)));
}

TEST_CASE("Invoke: serialization and validation errors", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    check_lambda_error(f.invoke("e", "{nope"), 400, "InvalidRequestContentException");
    check_lambda_error(f.invoke("e", "{}", {{"x-amz-invocation-type", "Later"}}), 400,
                       "ValidationException",
                       "1 validation error detected: Value 'Later' at 'invocationType' failed to "
                       "satisfy constraint: Member must satisfy enum value set: [Event, "
                       "RequestResponse, DryRun]");
    check_lambda_error(f.invoke("e", "{}", {{"x-amz-log-type", "All"}}), 400,
                       "ValidationException");
    check_lambda_error(f.invoke("e", "{}", {{"x-amz-client-context", "%%%"}}), 400,
                       "InvalidRequestContentException",
                       "Client context must be a valid Base64-encoded JSON object.");
    check_lambda_error(f.invoke("nobody", "{}"), 404, "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody");
}

TEST_CASE("Invoke: payload limits are 6 MB sync and 1 MB async", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    std::string big = "\"" + std::string(6 * 1024 * 1024, 'a') + "\"";
    check_lambda_error(f.invoke("e", big), 413, "RequestEntityTooLargeException",
                       "Request must be smaller than 6291456 bytes for the InvokeFunction "
                       "operation");
    std::string medium = "\"" + std::string(1024 * 1024, 'a') + "\"";
    check_lambda_error(f.invoke("e", medium, {{"x-amz-invocation-type", "Event"}}), 413,
                       "RequestEntityTooLargeException",
                       "Request must be smaller than 1048576 bytes for the InvokeFunction "
                       "operation");
    CHECK(f.invoke("e", medium).status == 200);
}

TEST_CASE("Invoke: at the reserved concurrency a sync invoke gets 429", "[service]") {
    lambda_fixture f;
    f.must_create("one", "sleep", {{"Timeout", 5}});
    REQUIRE(f.put("/2017-10-31/functions/one/concurrency", {{"ReservedConcurrentExecutions", 1}})
                .status == 200);
    auto port = f.server.port();
    auto busy = std::async(std::launch::async, [port] {
        http_client other(port);
        other.signing_service = "lambda";
        return other.request("POST", "/2015-03-31/functions/one/invocations", R"({"ms":3000})");
    });
    // Wait (bounded) until the first invocation holds the only slot.
    auto* lambda = dynamic_cast<cloudbox::services::lambda::lambda_service*>(
        f.server.app().dispatcher().services().find("lambda"));
    REQUIRE(lambda != nullptr);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (lambda->executor().total_in_flight() == 0 &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(lambda->executor().total_in_flight() == 1);
    auto r = f.invoke("one", R"({"ms":0})");
    check_lambda_error(r, 429, "TooManyRequestsException", "Rate Exceeded.");
    CHECK(body_of(r)["Reason"] == "ReservedFunctionConcurrentInvocationLimitExceeded");
    CHECK(busy.get().status == 200);
    CHECK(f.invoke("one", R"({"ms":0})").status == 200);
    // Zero reserved: always throttled.
    REQUIRE(f.put("/2017-10-31/functions/one/concurrency", {{"ReservedConcurrentExecutions", 0}})
                .status == 200);
    check_lambda_error(f.invoke("one", "{}"), 429, "TooManyRequestsException");
}

TEST_CASE("Invoke: qualifiers in every form", "[service]") {
    lambda_fixture f;
    f.must_create("q", "whoami");
    std::string v1 = f.publish("q");
    REQUIRE(f.post("/2015-03-31/functions/q/aliases", {{"Name", "live"}, {"FunctionVersion", v1}})
                .status == 201);
    auto version_of = [](const http_response& r) { return r.header("x-amz-executed-version"); };
    CHECK(version_of(f.invoke("q:1", "{}")) == "1");
    CHECK(version_of(f.invoke("q:live", "{}")) == "1");
    CHECK(version_of(f.invoke("arn:aws:lambda:us-east-1:000000000000:function:q", "{}")) ==
          "$LATEST");
    CHECK(version_of(f.invoke("arn:aws:lambda:us-east-1:000000000000:function:q:live", "{}")) ==
          "1");
    CHECK(version_of(f.invoke("000000000000:function:q:1", "{}")) == "1");
    auto r = f.c.request("POST", "/2015-03-31/functions/q/invocations?Qualifier=live", "{}");
    CHECK(version_of(r) == "1");
    CHECK(body_of(r)["invokedFunctionArn"] ==
          "arn:aws:lambda:us-east-1:000000000000:function:q:live");
    check_lambda_error(
        f.c.request("POST", "/2015-03-31/functions/q:1/invocations?Qualifier=2", "{}"), 400,
        "InvalidParameterValueException",
        "The derived qualifier from the function name does not match the "
        "specified qualifier.");
    check_lambda_error(f.invoke("q:9", "{}"), 404, "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:q:9");
}

namespace {

cloudbox::services::lambda::lambda_service& lambda_of(lambda_fixture& f) {
    auto* lambda = dynamic_cast<cloudbox::services::lambda::lambda_service*>(
        f.server.app().dispatcher().services().find("lambda"));
    REQUIRE(lambda != nullptr);
    return *lambda;
}

// Waits (bounded) until `n` invocations run at once; true when they do.
bool wait_for_in_flight(cloudbox::services::lambda::lambda_service& lambda, std::size_t n) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (lambda.executor().total_in_flight() < n) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::yield();
    }
    return true;
}

} // namespace

TEST_CASE("Invoke: a running function does not hold an HTTP thread", "[service]") {
    // The test server has 2 I/O threads: 4 sleeping functions must neither queue behind each
    // other nor keep other requests waiting.
    lambda_fixture f;
    f.must_create("nap", "sleep", {{"Timeout", 30}});
    auto& lambda = lambda_of(f);
    constexpr int invokes = 4;
    constexpr int nap_ms = 1500;
    auto port = f.server.port();
    auto started = std::chrono::steady_clock::now();
    std::vector<std::future<http_response>> naps;
    for (int i = 0; i < invokes; ++i) {
        naps.push_back(std::async(std::launch::async, [port] {
            http_client other(port);
            other.signing_service = "lambda";
            return other.request("POST", "/2015-03-31/functions/nap/invocations", R"({"ms":1500})",
                                 {{"x-amz-log-type", "Tail"}});
        }));
    }
    // (b) all four run at once, though only two threads serve HTTP.
    REQUIRE(wait_for_in_flight(lambda, invokes));

    // (a) other requests are answered while every invocation is still running.
    http_client s3(port);
    for (int i = 0; i < 3; ++i) {
        auto asked = std::chrono::steady_clock::now();
        auto listed = f.get(std::string(fn_path()) + "/");
        REQUIRE(listed.status == 200);
        CHECK(body_of(listed)["Functions"].size() == 1);
        auto buckets = s3.request("GET", "/");
        CHECK(buckets.status == 200);
        auto answered_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - asked)
                               .count();
        CHECK(answered_ms < 500);
        CHECK(lambda.executor().total_in_flight() == invokes);
    }

    for (auto& nap : naps) {
        auto r = nap.get();
        INFO(r.body);
        CHECK(r.status == 200);
        CHECK(r.header("x-amz-executed-version") == "$LATEST");
        CHECK_FALSE(r.has_header("x-amz-function-error"));
        auto log = cloudbox::core::base64_decode(r.header("x-amz-log-result"));
        REQUIRE(log);
        CHECK(log->find("REPORT RequestId: ") != std::string::npos);
    }
    auto total_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    INFO("4 x 1500 ms invocations took " << total_ms << " ms");
    CHECK(total_ms >= nap_ms);
    CHECK(total_ms < 2 * nap_ms); // two at a time (one per HTTP thread) would take 3000 ms
}

TEST_CASE("Invoke: in-process callers wait for the deferred answer", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    f.must_create("nap", "sleep", {{"Timeout", 1}});
    cloudbox::service::internal_client client(f.server.app().dispatcher());
    auto r = client.call_rest_json("lambda", "POST", "/2015-03-31/functions/e/invocations",
                                   R"({"hello":"world"})");
    CHECK(r.status == 200);
    CHECK(json::parse(r.body) == json{{"hello", "world"}});
    CHECK(r.headers.get("x-amz-executed-version") == "$LATEST");
    // A timeout through the same path: the function error, not an empty answer.
    auto slow = client.call_rest_json("lambda", "POST", "/2015-03-31/functions/nap/invocations",
                                      R"({"ms":3000})");
    CHECK(slow.headers.get("x-amz-function-error") == "Unhandled");
    CHECK(json::parse(slow.body)["errorMessage"].get<std::string>().find(
              "Task timed out after 1.00 seconds") != std::string::npos);
}
