// DeleteEventSourceMapping.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteEventSourceMapping: answers Deleting, then it is gone", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto m = body_of(f.post(
        "/2015-03-31/event-source-mappings/",
        {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:q"}, {"FunctionName", "p"}}));
    std::string path = "/2015-03-31/event-source-mappings/" + m["UUID"].get<std::string>();
    auto r = f.del(path);
    REQUIRE(r.status == 202);
    CHECK(body_of(r)["State"] == "Deleting");
    check_lambda_error(f.get(path), 404, "ResourceNotFoundException");
    check_lambda_error(f.del(path), 404, "ResourceNotFoundException",
                       "The resource you requested does not exist.");
}
