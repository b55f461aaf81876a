// PutFunctionConcurrency.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutFunctionConcurrency: reserves and reports", "[service]") {
    lambda_fixture f;
    f.must_create("c", "echo");
    auto r = f.put("/2017-10-31/functions/c/concurrency", {{"ReservedConcurrentExecutions", 10}});
    REQUIRE(r.status == 200);
    CHECK(body_of(r)["ReservedConcurrentExecutions"] == 10);
    CHECK(body_of(f.get(
              "/2016-08-19/account-settings"))["AccountLimit"]["UnreservedConcurrentExecutions"] ==
          990);
}

TEST_CASE("PutFunctionConcurrency: errors", "[service]") {
    lambda_fixture f;
    f.must_create("c", "echo");
    std::string path = "/2017-10-31/functions/c/concurrency";
    check_lambda_error(f.c.request("PUT", path, "{"), 400, "InvalidRequestContentException");
    check_lambda_error(f.put(path, json::object()), 400, "ValidationException",
                       "1 validation error detected: Value null at 'reservedConcurrentExecutions' "
                       "failed to satisfy constraint: Member must not be null");
    check_lambda_error(f.put(path, {{"ReservedConcurrentExecutions", -1}}), 400,
                       "ValidationException");
    check_lambda_error(f.put(path, {{"ReservedConcurrentExecutions", 950}}), 400,
                       "InvalidParameterValueException",
                       "Specified ReservedConcurrentExecutions for function decreases account's "
                       "UnreservedConcurrentExecution below its minimum value of [100].");
    check_lambda_error(
        f.put("/2017-10-31/functions/none/concurrency", {{"ReservedConcurrentExecutions", 1}}), 404,
        "ResourceNotFoundException",
        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:none:$LATEST");
    check_lambda_error(
        f.put("/2017-10-31/functions/c:$LATEST/concurrency", {{"ReservedConcurrentExecutions", 0}}),
        400, "InvalidParameterValueException",
        "This operation is permitted on Lambda functions only. Aliases and "
        "versions do not support this operation. Please specify either a function "
        "name or an unqualified function ARN.");
}
