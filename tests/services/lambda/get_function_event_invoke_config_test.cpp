// GetFunctionEventInvokeConfig.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetFunctionEventInvokeConfig: per qualifier", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    f.publish("e");
    REQUIRE(f.put("/2019-09-25/functions/e/event-invoke-config?Qualifier=1",
                  {{"MaximumRetryAttempts", 2}})
                .status == 200);
    auto c = body_of(f.get("/2019-09-25/functions/e/event-invoke-config?Qualifier=1"));
    CHECK(c["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:e:1");
    check_lambda_error(f.get("/2019-09-25/functions/e/event-invoke-config"), 404,
                       "ResourceNotFoundException",
                       "The function arn:aws:lambda:us-east-1:000000000000:function:e:$LATEST "
                       "doesn't have an EventInvokeConfig");
}

TEST_CASE("GetFunctionEventInvokeConfig: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2019-09-25/functions/none/event-invoke-config"), 404,
                       "ResourceNotFoundException",
                       "The function arn:aws:lambda:us-east-1:000000000000:function:none:$LATEST "
                       "doesn't have an EventInvokeConfig");
    check_lambda_error(f.get("/2019-09-25/functions/a%20/event-invoke-config"), 400,
                       "ValidationException");
}
