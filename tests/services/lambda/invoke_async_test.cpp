// InvokeAsync (legacy): 202 {"Status": 202}, the event runs later.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("InvokeAsync: queues the event", "[service]") {
    lambda_fixture f;
    f.must_create("g", "greetingsOnDemand");
    auto r = f.c.request("POST", "/2014-11-13/functions/g/invoke-async/", R"({"name":"Old"})");
    REQUIRE(r.status == 202);
    CHECK(body_of(r)["Status"] == 202);
    REQUIRE(f.server.app().drain_events(std::chrono::seconds(10)));
    http_client logs(f.server.port());
    logs.signing_service = "logs";
    auto found = logs.request("POST", "/",
                              R"({"logGroupName":"/aws/lambda/g","filterPattern":"Hello Old!"})",
                              {{"x-amz-target", "Logs_20140328.FilterLogEvents"}});
    REQUIRE(found.status == 200);
    CHECK(body_of(found)["events"].size() == 1);
}

TEST_CASE("InvokeAsync: errors", "[service]") {
    lambda_fixture f;
    f.must_create("g", "echo");
    check_lambda_error(f.c.request("POST", "/2014-11-13/functions/g/invoke-async/", "{x"), 400,
                       "InvalidRequestContentException");
    check_lambda_error(f.c.request("POST", "/2014-11-13/functions/none/invoke-async/", "{}"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.c.request("POST", "/2014-11-13/functions/a%20b/invoke-async/", "{}"), 400,
                       "ValidationException");
}
