// GetEventSourceMapping.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetEventSourceMapping: the stored mapping", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto m = body_of(f.post("/2015-03-31/event-source-mappings/",
                            {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:q"},
                             {"FunctionName", "p"},
                             {"BatchSize", 5}}));
    auto got = body_of(f.get("/2015-03-31/event-source-mappings/" + m["UUID"].get<std::string>()));
    CHECK(got["BatchSize"] == 5);
    CHECK(got["UUID"] == m["UUID"]);
}

TEST_CASE("GetEventSourceMapping: not found", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2015-03-31/event-source-mappings/nope"), 404,
                       "ResourceNotFoundException", "The resource you requested does not exist.");
}
