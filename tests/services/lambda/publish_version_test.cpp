// PublishVersion: numbered snapshots of $LATEST; unchanged code returns the last version.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PublishVersion: numbers versions, returns the same one when nothing changed",
          "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto r = f.post("/2015-03-31/functions/p/versions", {{"Description", "first"}});
    REQUIRE(r.status == 201);
    auto v1 = body_of(r);
    CHECK(v1["Version"] == "1");
    CHECK(v1["Description"] == "first");
    CHECK(v1["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:p:1");
    CHECK(f.publish("p") == "1"); // unchanged
    REQUIRE(f.put("/2015-03-31/functions/p/configuration", {{"Timeout", 9}}).status == 200);
    CHECK(f.publish("p") == "2");
    // Version 1 keeps its configuration.
    CHECK(body_of(f.get("/2015-03-31/functions/p:1/configuration"))["Timeout"] == 3);
}

TEST_CASE("PublishVersion: errors", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    check_lambda_error(f.c.request("POST", "/2015-03-31/functions/p/versions", "{"), 400,
                       "InvalidRequestContentException");
    auto latest = body_of(f.get("/2015-03-31/functions/p/configuration"));
    check_lambda_error(f.post("/2015-03-31/functions/p/versions", {{"CodeSha256", "abc"}}), 400,
                       "InvalidParameterValueException",
                       "CodeSHA256 (abc) is different from current CodeSHA256 in $LATEST (" +
                           latest["CodeSha256"].get<std::string>() +
                           "). Please try again with the CodeSHA256 in $LATEST.");
    check_lambda_error(f.post("/2015-03-31/functions/p/versions", {{"RevisionId", "x"}}), 412,
                       "PreconditionFailedException");
    check_lambda_error(f.post("/2015-03-31/functions/none/versions", json::object()), 404,
                       "ResourceNotFoundException");
}
