// AddPermission: the statement as AWS writes it; duplicate sids; validation.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("AddPermission: returns the statement", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto r = f.post("/2015-03-31/functions/p/policy", {{"StatementId", "s3invoke"},
                                                       {"Action", "lambda:InvokeFunction"},
                                                       {"Principal", "s3.amazonaws.com"},
                                                       {"SourceArn", "arn:aws:s3:::pictures"},
                                                       {"SourceAccount", "000000000000"}});
    REQUIRE(r.status == 201);
    auto st = json::parse(body_of(r)["Statement"].get<std::string>());
    CHECK(st["Sid"] == "s3invoke");
    CHECK(st["Effect"] == "Allow");
    CHECK(st["Principal"]["Service"] == "s3.amazonaws.com");
    CHECK(st["Action"] == "lambda:InvokeFunction");
    CHECK(st["Resource"] == "arn:aws:lambda:us-east-1:000000000000:function:p");
    CHECK(st["Condition"]["ArnLike"]["AWS:SourceArn"] == "arn:aws:s3:::pictures");
    CHECK(st["Condition"]["StringEquals"]["AWS:SourceAccount"] == "000000000000");
}

TEST_CASE("AddPermission: errors", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    std::string path = "/2015-03-31/functions/p/policy";
    json ok = {{"StatementId", "a"}, {"Action", "lambda:InvokeFunction"}, {"Principal", "*"}};
    check_lambda_error(f.c.request("POST", path, "]"), 400, "InvalidRequestContentException");
    check_lambda_error(f.post(path, {{"Action", "lambda:*"}, {"Principal", "*"}}), 400,
                       "ValidationException",
                       "1 validation error detected: Value null at 'statementId' failed to "
                       "satisfy constraint: Member must not be null");
    json bad_action = ok;
    bad_action["Action"] = "s3:GetObject";
    check_lambda_error(f.post(path, bad_action), 400, "ValidationException");
    REQUIRE(f.post(path, ok).status == 201);
    check_lambda_error(f.post(path, ok), 409, "ResourceConflictException",
                       "The statement id (a) provided already exists. Please provide a new "
                       "statement id, or remove the existing statement.");
    check_lambda_error(f.post("/2015-03-31/functions/none/policy", ok), 404,
                       "ResourceNotFoundException");
}
