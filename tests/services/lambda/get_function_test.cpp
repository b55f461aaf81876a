// GetFunction: configuration, code location (the zip as uploaded), tags, concurrency.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetFunction: configuration, code, tags and concurrency", "[service]") {
    lambda_fixture f;
    f.must_create("g", "echo", {{"Tags", {{"team", "a"}}}});
    REQUIRE(f.put("/2017-10-31/functions/g/concurrency", {{"ReservedConcurrentExecutions", 5}})
                .status == 200);
    auto r = f.get("/2015-03-31/functions/g");
    REQUIRE(r.status == 200);
    auto b = body_of(r);
    CHECK(b["Configuration"]["FunctionName"] == "g");
    CHECK(b["Code"]["RepositoryType"] == "S3");
    CHECK(b["Tags"]["team"] == "a");
    CHECK(b["Concurrency"]["ReservedConcurrentExecutions"] == 5);
    std::string location = b["Code"]["Location"];
    auto path = location.substr(location.find("/_cloudbox/"));
    auto zip = f.c.request("GET", path);
    CHECK(zip.status == 200);
    CHECK(zip.body == std::string("PK\x05\x06", 4) + std::string(18, '\0'));
}

TEST_CASE("GetFunction: qualifiers, validation and not found", "[service]") {
    lambda_fixture f;
    f.must_create("g", "echo");
    f.publish("g");
    CHECK(body_of(f.get("/2015-03-31/functions/g:1"))["Configuration"]["Version"] == "1");
    CHECK(body_of(f.get("/2015-03-31/functions/g?Qualifier=1"))["Configuration"]["Version"] == "1");
    check_lambda_error(f.get("/2015-03-31/functions/g:7"), 404, "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:g:7");
    check_lambda_error(f.get("/2015-03-31/functions/none"), 404, "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:none");
    check_lambda_error(f.get("/2015-03-31/functions/bad%20name"), 400, "ValidationException");
    check_lambda_error(f.get("/2015-03-31/functions/g?Qualifier=a%20b"), 400,
                       "ValidationException");
}

TEST_CASE("GetFunction: an ARN of another region is not reachable", "[service]") {
    lambda_fixture f;
    f.must_create("g", "echo");
    const std::string other = "arn:aws:lambda:eu-west-1:000000000000:function:g";
    const std::string message =
        "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')";
    check_lambda_error(f.get("/2015-03-31/functions/" + other), 404, "ResourceNotFoundException",
                       message);
    check_lambda_error(f.del("/2015-03-31/functions/" + other), 404, "ResourceNotFoundException",
                       message);
    CHECK(f.get("/2015-03-31/functions/g").status == 200); // the delete did not act on it
}
