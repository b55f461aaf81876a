// RemovePermission.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("RemovePermission: the statement goes, then the policy", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    REQUIRE(f.post("/2015-03-31/functions/p/policy",
                   {{"StatementId", "a"}, {"Action", "lambda:*"}, {"Principal", "*"}})
                .status == 201);
    CHECK(f.del("/2015-03-31/functions/p/policy/a").status == 204);
    check_lambda_error(f.get("/2015-03-31/functions/p/policy"), 404, "ResourceNotFoundException");
}

TEST_CASE("RemovePermission: errors", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    check_lambda_error(f.del("/2015-03-31/functions/p/policy/zz"), 404, "ResourceNotFoundException",
                       "No policy is associated with the given resource.");
    REQUIRE(f.post("/2015-03-31/functions/p/policy",
                   {{"StatementId", "a"}, {"Action", "lambda:*"}, {"Principal", "*"}})
                .status == 201);
    check_lambda_error(f.del("/2015-03-31/functions/p/policy/zz"), 404, "ResourceNotFoundException",
                       "Statement zz is not found in resource policy.");
    check_lambda_error(f.del("/2015-03-31/functions/p/policy/a?RevisionId=wrong"), 412,
                       "PreconditionFailedException");
    check_lambda_error(f.del("/2015-03-31/functions/none/policy/zz"), 404,
                       "ResourceNotFoundException",
                       "No policy found for: arn:aws:lambda:us-east-1:000000000000:function:none");
    check_lambda_error(
        f.del("/2015-03-31/functions/p/policy/a?Qualifier=nope"), 404, "ResourceNotFoundException",
        "Cannot find alias arn: arn:aws:lambda:us-east-1:000000000000:function:p:nope");
    check_lambda_error(f.del("/2015-03-31/functions/a%20/policy/zz"), 400, "ValidationException");
}
