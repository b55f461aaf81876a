// GetFunctionConcurrency.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetFunctionConcurrency: empty, then the reservation", "[service]") {
    lambda_fixture f;
    f.must_create("c", "echo");
    CHECK(body_of(f.get("/2019-09-30/functions/c/concurrency")) == json::object());
    REQUIRE(f.put("/2017-10-31/functions/c/concurrency", {{"ReservedConcurrentExecutions", 3}})
                .status == 200);
    CHECK(body_of(f.get("/2019-09-30/functions/c/concurrency"))["ReservedConcurrentExecutions"] ==
          3);
}

TEST_CASE("GetFunctionConcurrency: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2019-09-30/functions/none/concurrency"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.get("/2019-09-30/functions/a%20/concurrency"), 400, "ValidationException");
}
