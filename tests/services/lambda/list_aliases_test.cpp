// ListAliases, optionally by FunctionVersion.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListAliases: all, or those of one version", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    f.publish("a");
    REQUIRE(f.post("/2015-03-31/functions/a/aliases", {{"Name", "b"}, {"FunctionVersion", "1"}})
                .status == 201);
    REQUIRE(
        f.post("/2015-03-31/functions/a/aliases", {{"Name", "a"}, {"FunctionVersion", "$LATEST"}})
            .status == 201);
    auto all = body_of(f.get("/2015-03-31/functions/a/aliases"))["Aliases"];
    REQUIRE(all.size() == 2);
    CHECK(all[0]["Name"] == "a");
    auto one = body_of(f.get("/2015-03-31/functions/a/aliases?FunctionVersion=1"))["Aliases"];
    REQUIRE(one.size() == 1);
    CHECK(one[0]["Name"] == "b");
}

TEST_CASE("ListAliases: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2015-03-31/functions/none/aliases"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.get("/2015-03-31/functions/%20/aliases"), 400, "ValidationException");
}
