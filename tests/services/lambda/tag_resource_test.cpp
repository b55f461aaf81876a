// TagResource.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

namespace {
const std::string tags_path =
    "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3At";
}

TEST_CASE("TagResource: adds and replaces tags", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo", {{"Tags", {{"a", "1"}}}});
    CHECK(f.post(tags_path, {{"Tags", {{"a", "2"}, {"b", "3"}}}}).status == 204);
    auto tags = body_of(f.get(tags_path))["Tags"];
    CHECK(tags == json{{"a", "2"}, {"b", "3"}});
}

TEST_CASE("TagResource: errors", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo");
    check_lambda_error(f.c.request("POST", tags_path, "{"), 400, "InvalidRequestContentException");
    check_lambda_error(f.post(tags_path, json::object()), 400, "ValidationException",
                       "1 validation error detected: Value null at 'tags' failed to satisfy "
                       "constraint: Member must not be null");
    check_lambda_error(f.post("/2017-03-31/tags/not-an-arn", {{"Tags", {{"a", "1"}}}}), 400,
                       "ValidationException");
    check_lambda_error(
        f.post("/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Anone",
               {{"Tags", {{"a", "1"}}}}),
        404, "ResourceNotFoundException");
}
