// GetFunctionConfiguration: $LATEST, versions, aliases; errors.
#include "lambda/lambda_test_support.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"

using namespace cloudbox::test;

TEST_CASE("GetFunctionConfiguration: by name, version and alias", "[service]") {
    lambda_fixture f;
    f.must_create("c", "echo", {{"Timeout", 7}});
    f.publish("c");
    REQUIRE(f.post("/2015-03-31/functions/c/aliases", {{"Name", "prod"}, {"FunctionVersion", "1"}})
                .status == 201);
    auto latest = body_of(f.get("/2015-03-31/functions/c/configuration"));
    CHECK(latest["Timeout"] == 7);
    CHECK(latest["Version"] == "$LATEST");
    auto alias = body_of(f.get("/2015-03-31/functions/c:prod/configuration"));
    CHECK(alias["Version"] == "1");
    CHECK(alias["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:c:1");
}

TEST_CASE("GetFunctionConfiguration: RuntimeVersionConfig names the runtime's build", "[service]") {
    lambda_fixture f;
    f.must_create("rv", "echo");
    auto arn_of = [&](const std::string& runtime) {
        return "arn:aws:lambda:us-east-1::runtime:" +
               cloudbox::core::to_hex(
                   cloudbox::core::digest(cloudbox::core::digest_kind::sha256, runtime));
    };
    auto config = body_of(f.get("/2015-03-31/functions/rv/configuration"));
    CHECK(config["RuntimeVersionConfig"]["RuntimeVersionArn"] == arn_of("provided.al2023"));
    CHECK(body_of(f.get("/2015-03-31/functions/rv"))["Configuration"]["RuntimeVersionConfig"] ==
          config["RuntimeVersionConfig"]);
    REQUIRE(f.put("/2015-03-31/functions/rv/configuration", {{"Runtime", "provided.al2"}}).status ==
            200);
    config = body_of(f.get("/2015-03-31/functions/rv/configuration"));
    CHECK(config["RuntimeVersionConfig"]["RuntimeVersionArn"] == arn_of("provided.al2"));
}

TEST_CASE("GetFunctionConfiguration: errors", "[service]") {
    lambda_fixture f;
    f.must_create("c", "echo");
    check_lambda_error(f.get("/2015-03-31/functions/c:nope/configuration"), 404,
                       "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:c:nope");
    check_lambda_error(f.get("/2015-03-31/functions/x/configuration"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.get("/2015-03-31/functions/a$b/configuration"), 400,
                       "ValidationException");
}
