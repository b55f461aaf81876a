// UpdateEventSourceMapping.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UpdateEventSourceMapping: disable and resize", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto m = body_of(f.post(
        "/2015-03-31/event-source-mappings/",
        {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:q"}, {"FunctionName", "p"}}));
    std::string path = "/2015-03-31/event-source-mappings/" + m["UUID"].get<std::string>();
    auto r = f.put(path,
                   {{"Enabled", false}, {"BatchSize", 100}, {"MaximumBatchingWindowInSeconds", 5}});
    REQUIRE(r.status == 202);
    auto u = body_of(r);
    CHECK(u["State"] == "Disabled");
    CHECK(u["BatchSize"] == 100);
    CHECK(u["MaximumBatchingWindowInSeconds"] == 5);
}

TEST_CASE("UpdateEventSourceMapping: errors", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto m = body_of(f.post(
        "/2015-03-31/event-source-mappings/",
        {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:q"}, {"FunctionName", "p"}}));
    std::string path = "/2015-03-31/event-source-mappings/" + m["UUID"].get<std::string>();
    check_lambda_error(f.c.request("PUT", path, "{"), 400, "InvalidRequestContentException");
    check_lambda_error(f.put(path, {{"MaximumBatchingWindowInSeconds", 301}}), 400,
                       "ValidationException");
    check_lambda_error(f.put(path, {{"MaximumRetryAttempts", 1}}), 400,
                       "InvalidParameterValueException");
    check_lambda_error(f.put("/2015-03-31/event-source-mappings/nope", {{"BatchSize", 1}}), 404,
                       "ResourceNotFoundException");
}
