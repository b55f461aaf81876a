// UpdateAlias: moves the alias, changes routing, guarded by RevisionId.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UpdateAlias: points the alias at another version", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    f.publish("a");
    REQUIRE(f.put("/2015-03-31/functions/a/configuration", {{"Timeout", 5}}).status == 200);
    f.publish("a");
    auto created = body_of(
        f.post("/2015-03-31/functions/a/aliases", {{"Name", "live"}, {"FunctionVersion", "1"}}));
    auto r = f.put("/2015-03-31/functions/a/aliases/live",
                   {{"FunctionVersion", "2"}, {"RevisionId", created["RevisionId"]}});
    REQUIRE(r.status == 200);
    CHECK(body_of(r)["FunctionVersion"] == "2");
    CHECK(f.invoke("a:live", "{}").header("x-amz-executed-version") == "2");
}

TEST_CASE("UpdateAlias: errors", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    REQUIRE(f.post("/2015-03-31/functions/a/aliases",
                   {{"Name", "live"}, {"FunctionVersion", "$LATEST"}})
                .status == 201);
    check_lambda_error(f.c.request("PUT", "/2015-03-31/functions/a/aliases/live", "{"), 400,
                       "InvalidRequestContentException");
    check_lambda_error(f.put("/2015-03-31/functions/a/aliases/live", {{"RevisionId", "old"}}), 412,
                       "PreconditionFailedException");
    check_lambda_error(f.put("/2015-03-31/functions/a/aliases/live", {{"FunctionVersion", "8"}}),
                       404, "ResourceNotFoundException");
    check_lambda_error(f.put("/2015-03-31/functions/a/aliases/none", json::object()), 404,
                       "ResourceNotFoundException");
}
