// Asynchronous invocations: durable queue, two retries with back-off on the clock, the
// OnFailure / OnSuccess destination records, MaximumEventAgeInSeconds.
#include "core/clock.hpp"
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

namespace {

// The messages of a function's log group that contain `term`.
std::vector<std::string> logged(lambda_fixture& f, const std::string& fn, const std::string& term) {
    http_client logs(f.server.port());
    logs.signing_service = "logs";
    auto r = logs.request(
        "POST", "/", json{{"logGroupName", "/aws/lambda/" + fn}, {"filterPattern", term}}.dump(),
        {{"x-amz-target", "Logs_20140328.FilterLogEvents"},
         {"content-type", "application/x-amz-json-1.1"}});
    std::vector<std::string> out;
    INFO(r.body);
    CHECK((r.status == 200 || r.body.find("ResourceNotFoundException") != std::string::npos));
    if (r.status != 200) {
        return out;
    }
    json body = json::parse(r.body); // kept alive: a range-for over a temporary's member dangles
    for (const auto& e : body["events"]) {
        out.push_back(e["message"]);
    }
    return out;
}

bool drain(lambda_fixture& f) {
    return f.server.app().drain_events(std::chrono::seconds(20));
}

} // namespace

TEST_CASE("Async: an always-failing function is tried 3 times, then OnFailure", "[service]") {
    lambda_fixture f;
    auto& clock = f.server.app().clock();
    clock.freeze();
    f.must_create("dest", "greetingsOnDemand");
    f.must_create("bad", "fail");
    REQUIRE(f.put("/2019-09-25/functions/bad/event-invoke-config",
                  {{"DestinationConfig",
                    {{"OnFailure",
                      {{"Destination", "arn:aws:lambda:us-east-1:000000000000:function:dest"}}}}}})
                .status == 200);
    auto r = f.invoke("bad", R"({"message":"always"})", {{"x-amz-invocation-type", "Event"}});
    REQUIRE(r.status == 202);
    REQUIRE(drain(f));
    CHECK(logged(f, "bad", "START").size() == 1);
    clock.advance(std::chrono::seconds(59));
    REQUIRE(drain(f));
    CHECK(logged(f, "bad", "START").size() == 1); // the first retry waits a minute
    clock.advance(std::chrono::seconds(1));
    REQUIRE(drain(f));
    CHECK(logged(f, "bad", "START").size() == 2);
    clock.advance(std::chrono::seconds(120));
    REQUIRE(drain(f));
    CHECK(logged(f, "bad", "START").size() == 3);
    REQUIRE(drain(f));
    auto records = logged(f, "dest", "RetriesExhausted");
    REQUIRE(records.size() == 1);
    auto record = json::parse(records[0].substr(records[0].find('{')));
    CHECK(record["version"] == "1.0");
    CHECK(record["requestContext"]["requestId"] == r.header("x-amzn-requestid"));
    CHECK(record["requestContext"]["functionArn"] ==
          "arn:aws:lambda:us-east-1:000000000000:function:bad");
    CHECK(record["requestContext"]["approximateInvokeCount"] == 3);
    CHECK(record["requestPayload"]["message"] == "always");
    CHECK(record["responseContext"]["functionError"] == "Unhandled");
    CHECK(record["responsePayload"]["errorMessage"] == "always");
    clock.advance(std::chrono::hours(1));
    REQUIRE(drain(f));
    CHECK(logged(f, "bad", "START").size() == 3); // no fourth attempt
}

TEST_CASE("Async: MaximumRetryAttempts 0 and OnSuccess", "[service]") {
    lambda_fixture f;
    f.server.app().clock().freeze();
    f.must_create("dest", "greetingsOnDemand");
    f.must_create("ok", "echo");
    f.must_create("bad", "fail");
    std::string dest = "arn:aws:lambda:us-east-1:000000000000:function:dest";
    REQUIRE(f.put("/2019-09-25/functions/ok/event-invoke-config",
                  {{"DestinationConfig", {{"OnSuccess", {{"Destination", dest}}}}}})
                .status == 200);
    REQUIRE(f.put("/2019-09-25/functions/bad/event-invoke-config",
                  {{"MaximumRetryAttempts", 0},
                   {"DestinationConfig", {{"OnFailure", {{"Destination", dest}}}}}})
                .status == 200);
    f.invoke("ok", R"({"v":1})", {{"x-amz-invocation-type", "Event"}});
    f.invoke("bad", R"({"v":2})", {{"x-amz-invocation-type", "Event"}});
    REQUIRE(drain(f));
    REQUIRE(drain(f));
    CHECK(logged(f, "dest", "Success").size() == 1);
    CHECK(logged(f, "dest", "RetriesExhausted").size() == 1);
    CHECK(logged(f, "bad", "START").size() == 1);
}

TEST_CASE("Async: an event older than MaximumEventAgeInSeconds is not run", "[service]") {
    lambda_fixture f;
    auto& clock = f.server.app().clock();
    clock.freeze();
    f.must_create("dest", "greetingsOnDemand");
    f.must_create("bad", "fail");
    REQUIRE(f.put("/2019-09-25/functions/bad/event-invoke-config",
                  {{"MaximumEventAgeInSeconds", 60},
                   {"DestinationConfig",
                    {{"OnFailure",
                      {{"Destination", "arn:aws:lambda:us-east-1:000000000000:function:dest"}}}}}})
                .status == 200);
    f.invoke("bad", "{}", {{"x-amz-invocation-type", "Event"}});
    REQUIRE(drain(f));
    clock.advance(std::chrono::seconds(61)); // the retry is due after the event expired
    REQUIRE(drain(f));
    REQUIRE(drain(f));
    CHECK(logged(f, "bad", "START").size() == 1);
    CHECK(logged(f, "dest", "EventAgeExceeded").size() == 1);
}

TEST_CASE("Async: queued events survive a restart", "[service]") {
    temp_dir dir;
    {
        test_server server(on_disk(dir));
        server.app().clock().freeze();
        http_client c(server.port());
        c.signing_service = "lambda";
        json body = {{"FunctionName", "later"},
                     {"Runtime", "provided.al2023"},
                     {"Role", role_arn()},
                     {"Handler", "greetingsOnDemand"},
                     {"Code", {{"ZipFile", empty_zip_b64()}}}};
        REQUIRE(c.request("POST", fn_path(), body.dump()).status == 201);
        REQUIRE(c.request("PUT", "/2017-10-31/functions/later/concurrency",
                          R"({"ReservedConcurrentExecutions":0})")
                    .status == 200);
        REQUIRE(c.request("POST", "/2015-03-31/functions/later/invocations", R"({"name":"Ada"})",
                          {{"x-amz-invocation-type", "Event"}})
                    .status == 202);
    }
    test_server server(on_disk(dir));
    http_client c(server.port());
    c.signing_service = "lambda";
    REQUIRE(c.request("DELETE", "/2017-10-31/functions/later/concurrency").status == 204);
    server.app().clock().advance(std::chrono::seconds(5)); // past the throttle back-off
    REQUIRE(server.app().drain_events(std::chrono::seconds(20)));
    http_client logs(server.port());
    logs.signing_service = "logs";
    auto r = logs.request("POST", "/",
                          R"({"logGroupName":"/aws/lambda/later","filterPattern":"Hello Ada!"})",
                          {{"x-amz-target", "Logs_20140328.FilterLogEvents"}});
    REQUIRE(r.status == 200);
    CHECK(json::parse(r.body)["events"].size() == 1);
}
