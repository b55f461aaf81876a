// ListTags.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListTags: the tags given at creation", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo", {{"Tags", {{"k", "v"}}}});
    CHECK(body_of(f.get(
              "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3At"))
              ["Tags"] == json{{"k", "v"}});
    f.must_create("u", "echo");
    CHECK(body_of(f.get(
              "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Au"))
              ["Tags"] == json::object());
}

TEST_CASE("ListTags: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(
        f.get("/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3At"), 404,
        "ResourceNotFoundException",
        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:t");
    check_lambda_error(f.get("/2017-03-31/tags/nope"), 400, "ValidationException");
}
