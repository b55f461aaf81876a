// DeleteFunction: the function, or one version; aliases protect their versions.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteFunction: removes the function and its versions", "[service]") {
    lambda_fixture f;
    f.must_create("d", "echo");
    f.publish("d");
    auto r = f.del("/2015-03-31/functions/d");
    CHECK(r.status == 204);
    check_lambda_error(f.get("/2015-03-31/functions/d"), 404, "ResourceNotFoundException");
    check_lambda_error(f.get("/2015-03-31/functions/d:1"), 404, "ResourceNotFoundException");
    check_lambda_error(f.del("/2015-03-31/functions/d"), 404, "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:d");
    f.must_create("d", "echo"); // the name is free again
}

TEST_CASE("DeleteFunction: one version", "[service]") {
    lambda_fixture f;
    f.must_create("d", "echo");
    f.publish("d");
    CHECK(f.del("/2015-03-31/functions/d?Qualifier=1").status == 204);
    CHECK(body_of(f.get("/2015-03-31/functions/d/versions"))["Versions"].size() == 1);
    check_lambda_error(f.del("/2015-03-31/functions/d?Qualifier=$LATEST"), 400,
                       "InvalidParameterValueException",
                       "$LATEST version cannot be deleted without deleting the function.");
}

TEST_CASE("DeleteFunction: a version an alias uses cannot go", "[service]") {
    lambda_fixture f;
    f.must_create("d", "echo");
    f.publish("d");
    REQUIRE(f.post("/2015-03-31/functions/d/aliases", {{"Name", "live"}, {"FunctionVersion", "1"}})
                .status == 201);
    check_lambda_error(f.del("/2015-03-31/functions/d:1"), 409, "ResourceConflictException",
                       "Unable to delete version because the following aliases reference it: "
                       "[live]");
    check_lambda_error(f.del("/2015-03-31/functions/bad%20name"), 400, "ValidationException");
}

TEST_CASE("DeleteFunction: an invoke right after it finds nothing", "[service]") {
    lambda_fixture f;
    f.must_create("gone", "echo");
    REQUIRE(f.invoke("gone", "{}").status == 200); // its configuration was just read
    REQUIRE(f.del("/2015-03-31/functions/gone").status == 204);
    check_lambda_error(f.invoke("gone", "{}"), 404, "ResourceNotFoundException");
    f.must_create("gone", "whoami"); // a new function under the same name
    CHECK(body_of(f.invoke("gone", "{}"))["functionName"] == "gone");
}
