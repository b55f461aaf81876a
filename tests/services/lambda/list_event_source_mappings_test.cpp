// ListEventSourceMappings.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListEventSourceMappings: all, by source, by function", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    f.must_create("q", "echo");
    const std::string esm = "/2015-03-31/event-source-mappings/";
    REQUIRE(f.post(esm, {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:a"},
                         {"FunctionName", "p"}})
                .status == 202);
    REQUIRE(f.post(esm, {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:b"},
                         {"FunctionName", "q"}})
                .status == 202);
    CHECK(body_of(f.get(esm))["EventSourceMappings"].size() == 2);
    CHECK(body_of(f.get(esm + "?FunctionName=q"))["EventSourceMappings"].size() == 1);
    CHECK(body_of(f.get(esm + "?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A000000000000%3Aa"))
              ["EventSourceMappings"]
                  .size() == 1);
}

TEST_CASE("ListEventSourceMappings: bad function name", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2015-03-31/event-source-mappings/?FunctionName=a%20b"), 400,
                       "ValidationException");
}
