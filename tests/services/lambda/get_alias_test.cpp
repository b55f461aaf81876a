// GetAlias.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetAlias: returns what CreateAlias stored", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    auto created = body_of(f.post("/2015-03-31/functions/a/aliases",
                                  {{"Name", "dev"}, {"FunctionVersion", "$LATEST"}}));
    CHECK(body_of(f.get("/2015-03-31/functions/a/aliases/dev")) == created);
}

TEST_CASE("GetAlias: errors", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    check_lambda_error(
        f.get("/2015-03-31/functions/a/aliases/none"), 404, "ResourceNotFoundException",
        "Cannot find alias arn: arn:aws:lambda:us-east-1:000000000000:function:a:none");
    check_lambda_error(f.get("/2015-03-31/functions/zz/aliases/none"), 404,
                       "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:zz");
    check_lambda_error(f.get("/2015-03-31/functions/a%21/aliases/x"), 400, "ValidationException");
}
