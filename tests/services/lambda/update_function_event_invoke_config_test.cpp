// UpdateFunctionEventInvokeConfig: merges into the existing configuration.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UpdateFunctionEventInvokeConfig: merges", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    REQUIRE(f.put("/2019-09-25/functions/e/event-invoke-config", {{"MaximumRetryAttempts", 1}})
                .status == 200);
    auto r =
        f.post("/2019-09-25/functions/e/event-invoke-config", {{"MaximumEventAgeInSeconds", 120}});
    REQUIRE(r.status == 200);
    auto c = body_of(r);
    CHECK(c["MaximumRetryAttempts"] == 1);
    CHECK(c["MaximumEventAgeInSeconds"] == 120);
}

TEST_CASE("UpdateFunctionEventInvokeConfig: errors", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    check_lambda_error(f.c.request("POST", "/2019-09-25/functions/e/event-invoke-config", "x"), 400,
                       "InvalidRequestContentException");
    check_lambda_error(
        f.post("/2019-09-25/functions/e/event-invoke-config", {{"MaximumRetryAttempts", -1}}), 400,
        "ValidationException");
    check_lambda_error(f.post("/2019-09-25/functions/e:9/event-invoke-config", json::object()), 404,
                       "ResourceNotFoundException", "The function doesn't exist.");
    // An update needs a configuration to update: AWS does not create one.
    check_lambda_error(
        f.post("/2019-09-25/functions/e/event-invoke-config", {{"MaximumRetryAttempts", 0}}), 404,
        "ResourceNotFoundException",
        "The function arn:aws:lambda:us-east-1:000000000000:function:e:$LATEST doesn't have an "
        "EventInvokeConfig");
}
