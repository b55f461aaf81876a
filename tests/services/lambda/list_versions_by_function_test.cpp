// ListVersionsByFunction: $LATEST first, then versions in order.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListVersionsByFunction: $LATEST then 1, 2", "[service]") {
    lambda_fixture f;
    f.must_create("l", "echo");
    f.publish("l");
    REQUIRE(f.put("/2015-03-31/functions/l/configuration", {{"Timeout", 4}}).status == 200);
    f.publish("l");
    auto v = body_of(f.get("/2015-03-31/functions/l/versions"))["Versions"];
    REQUIRE(v.size() == 3);
    CHECK(v[0]["Version"] == "$LATEST");
    CHECK(v[1]["Version"] == "1");
    CHECK(v[2]["Version"] == "2");
}

TEST_CASE("ListVersionsByFunction: errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2015-03-31/functions/none/versions"), 404,
                       "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:none");
    check_lambda_error(f.get("/2015-03-31/functions/a%20b/versions"), 400, "ValidationException");
    check_lambda_error(f.c.request("PATCH", "/2015-03-31/functions/x/versions"), 404,
                       "UnknownOperationException");
}
