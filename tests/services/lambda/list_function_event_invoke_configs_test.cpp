// ListFunctionEventInvokeConfigs.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListFunctionEventInvokeConfigs: one per qualifier", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    f.publish("e");
    REQUIRE(f.put("/2019-09-25/functions/e/event-invoke-config", {{"MaximumRetryAttempts", 0}})
                .status == 200);
    REQUIRE(f.put("/2019-09-25/functions/e/event-invoke-config?Qualifier=1",
                  {{"MaximumRetryAttempts", 1}})
                .status == 200);
    auto list = body_of(
        f.get("/2019-09-25/functions/e/event-invoke-config/list"))["FunctionEventInvokeConfigs"];
    CHECK(list.size() == 2);
}

TEST_CASE("ListFunctionEventInvokeConfigs: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2019-09-25/functions/none/event-invoke-config/list"), 404,
                       "ResourceNotFoundException", "The function doesn't exist.");
    check_lambda_error(f.get("/2019-09-25/functions/%20/event-invoke-config/list"), 400,
                       "ValidationException");
}
