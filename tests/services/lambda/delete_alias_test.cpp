// DeleteAlias.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteAlias: the alias no longer resolves", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    REQUIRE(f.post("/2015-03-31/functions/a/aliases",
                   {{"Name", "live"}, {"FunctionVersion", "$LATEST"}})
                .status == 201);
    CHECK(f.del("/2015-03-31/functions/a/aliases/live").status == 204);
    check_lambda_error(f.invoke("a:live", "{}"), 404, "ResourceNotFoundException");
    CHECK(f.del("/2015-03-31/functions/a/aliases/live").status == 204); // idempotent
}

TEST_CASE("DeleteAlias: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.del("/2015-03-31/functions/none/aliases/x"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.del("/2015-03-31/functions/a%20/aliases/x"), 400, "ValidationException");
}
