// DeleteFunctionEventInvokeConfig.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteFunctionEventInvokeConfig: removes it", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    REQUIRE(f.put("/2019-09-25/functions/e/event-invoke-config", {{"MaximumRetryAttempts", 2}})
                .status == 200);
    CHECK(f.del("/2019-09-25/functions/e/event-invoke-config").status == 204);
    check_lambda_error(f.get("/2019-09-25/functions/e/event-invoke-config"), 404,
                       "ResourceNotFoundException");
}

TEST_CASE("DeleteFunctionEventInvokeConfig: errors", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    check_lambda_error(f.del("/2019-09-25/functions/e/event-invoke-config"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.del("/2019-09-25/functions/none/event-invoke-config"), 404,
                       "ResourceNotFoundException",
                       "The function arn:aws:lambda:us-east-1:000000000000:function:none:$LATEST "
                       "doesn't have an EventInvokeConfig");
    check_lambda_error(f.del("/2019-09-25/functions/a%20/event-invoke-config"), 400,
                       "ValidationException");
}
