// DeleteFunctionConcurrency.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteFunctionConcurrency: lifts the limit", "[service]") {
    lambda_fixture f;
    f.must_create("c", "echo");
    REQUIRE(f.put("/2017-10-31/functions/c/concurrency", {{"ReservedConcurrentExecutions", 0}})
                .status == 200);
    check_lambda_error(f.invoke("c", "{}"), 429, "TooManyRequestsException");
    CHECK(f.del("/2017-10-31/functions/c/concurrency").status == 204);
    CHECK(f.invoke("c", "{}").status == 200);
    CHECK(body_of(f.get("/2019-09-30/functions/c/concurrency")) == json::object());
}

TEST_CASE("DeleteFunctionConcurrency: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.del("/2017-10-31/functions/none/concurrency"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.del("/2017-10-31/functions/a%20/concurrency"), 400, "ValidationException");
}
