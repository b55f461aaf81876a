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
    json bad_principal = ok;
    bad_principal["StatementId"] = "b";
    bad_principal["Principal"] = "invalid.nonaws.com";
    check_lambda_error(f.post(path, bad_principal), 400, "InvalidParameterValueException",
                       "The provided principal was invalid. Please check the principal and try "
                       "again.");
    json stale = ok;
    stale["StatementId"] = "c";
    stale["RevisionId"] = "wrong";
    check_lambda_error(f.post(path, stale), 412, "PreconditionFailedException",
                       "The Revision Id provided does not match the latest Revision Id. Call the "
                       "GetFunction/GetAlias API to retrieve the latest Revision Id");
    check_lambda_error(f.post("/2015-03-31/functions/p:$LATEST/policy", ok), 400,
                       "InvalidParameterValueException",
                       "We currently do not support adding policies for $LATEST.");
    check_lambda_error(
        f.post("/2015-03-31/functions/p:nope/policy", ok), 404, "ResourceNotFoundException",
        "Cannot find alias arn: arn:aws:lambda:us-east-1:000000000000:function:p:nope");
}

TEST_CASE("AddPermission: the statement's text in AWS's member order, with every condition",
          "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto r = f.post("/2015-03-31/functions/p/policy", {{"StatementId", "url"},
                                                       {"Action", "lambda:InvokeFunctionUrl"},
                                                       {"Principal", "*"},
                                                       {"SourceArn", "arn:aws:s3:::b"},
                                                       {"SourceAccount", "000000000000"},
                                                       {"PrincipalOrgID", "o-1234567890"},
                                                       {"FunctionUrlAuthType", "NONE"}});
    REQUIRE(r.status == 201);
    CHECK(body_of(r)["Statement"] ==
          R"({"Sid":"url","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl",)"
          R"("Resource":"arn:aws:lambda:us-east-1:000000000000:function:p","Condition":)"
          R"({"StringEquals":{"lambda:FunctionUrlAuthType":"NONE","aws:PrincipalOrgID":)"
          R"("o-1234567890","AWS:SourceAccount":"000000000000"},"ArnLike":{"AWS:SourceArn":)"
          R"("arn:aws:s3:::b"}}})");
    auto alexa =
        f.post("/2015-03-31/functions/p/policy", {{"StatementId", "alexa"},
                                                  {"Action", "lambda:InvokeFunction"},
                                                  {"Principal", "alexa-appkit.amazon.com"},
                                                  {"EventSourceToken", "amzn1.ask.skill.x"}});
    auto st = json::parse(body_of(alexa)["Statement"].get<std::string>());
    CHECK(st["Principal"]["Service"] == "alexa-appkit.amazon.com");
    CHECK(st["Condition"]["StringEquals"]["lambda:EventSourceToken"] == "amzn1.ask.skill.x");
}

TEST_CASE("AddPermission: versions and aliases have policies of their own", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    f.publish("p");
    json st = {{"StatementId", "s3"},
               {"Action", "lambda:InvokeFunction"},
               {"Principal", "s3.amazonaws.com"}};
    REQUIRE(f.post("/2015-03-31/functions/p/policy", st).status == 201);
    check_lambda_error(f.get("/2015-03-31/functions/p/policy?Qualifier=1"), 404,
                       "ResourceNotFoundException", "The resource you requested does not exist.");
    REQUIRE(f.post("/2015-03-31/functions/p/policy?Qualifier=1", st).status == 201);
    auto version = json::parse(
        body_of(f.get("/2015-03-31/functions/p/policy?Qualifier=1"))["Policy"].get<std::string>());
    REQUIRE(version["Statement"].size() == 1);
    CHECK(version["Statement"][0]["Resource"] ==
          "arn:aws:lambda:us-east-1:000000000000:function:p:1");
    auto unqualified =
        json::parse(body_of(f.get("/2015-03-31/functions/p/policy"))["Policy"].get<std::string>());
    REQUIRE(unqualified["Statement"].size() == 1);
    CHECK(unqualified["Statement"][0]["Resource"] ==
          "arn:aws:lambda:us-east-1:000000000000:function:p");
    check_lambda_error(f.get("/2015-03-31/functions/p/policy?Qualifier=77"), 404,
                       "ResourceNotFoundException", "The resource you requested does not exist.");
}
