// GetPolicy.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetPolicy: the policy document as a string", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    REQUIRE(f.post("/2015-03-31/functions/p/policy", {{"StatementId", "a"},
                                                      {"Action", "lambda:InvokeFunction"},
                                                      {"Principal", "123456789012"}})
                .status == 201);
    auto b = body_of(f.get("/2015-03-31/functions/p/policy"));
    auto policy = json::parse(b["Policy"].get<std::string>());
    CHECK(policy["Version"] == "2012-10-17");
    REQUIRE(policy["Statement"].size() == 1);
    CHECK(policy["Statement"][0]["Principal"]["AWS"] == "arn:aws:iam::123456789012:root");
    CHECK(b["RevisionId"].is_string());
}

TEST_CASE("GetPolicy: errors", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    check_lambda_error(f.get("/2015-03-31/functions/p/policy"), 404, "ResourceNotFoundException",
                       "The resource you requested does not exist.");
    check_lambda_error(f.get("/2015-03-31/functions/none/policy"), 404,
                       "ResourceNotFoundException");
    check_lambda_error(f.get("/2015-03-31/functions/p/policy?Qualifier=%20"), 400,
                       "ValidationException");
}
