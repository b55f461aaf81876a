// UpdateFunctionConfiguration: Timeout, MemorySize, Environment, DeadLetterConfig, Description.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UpdateFunctionConfiguration: changes apply to the next invoke", "[service]") {
    lambda_fixture f;
    f.must_create("w", "whoami");
    // An invoke first: the configuration it read must not outlive the update.
    CHECK(body_of(f.invoke("w", "{}"))["memoryLimitInMB"] == 128);
    auto r =
        f.put("/2015-03-31/functions/w/configuration",
              {{"Timeout", 30},
               {"MemorySize", 1024},
               {"Description", "updated"},
               {"Environment", {{"Variables", {{"MODE", "x"}}}}},
               {"DeadLetterConfig", {{"TargetArn", "arn:aws:sqs:us-east-1:000000000000:dlq"}}}});
    REQUIRE(r.status == 200);
    auto c = body_of(r);
    CHECK(c["Timeout"] == 30);
    CHECK(c["MemorySize"] == 1024);
    CHECK(c["Description"] == "updated");
    CHECK(c["DeadLetterConfig"]["TargetArn"] == "arn:aws:sqs:us-east-1:000000000000:dlq");
    // The answer comes while the update is in progress, as on AWS; a read after it is done.
    CHECK(c["LastUpdateStatus"] == "InProgress");
    CHECK(c["LastUpdateStatusReasonCode"] == "Creating");
    CHECK(body_of(f.get("/2015-03-31/functions/w/configuration"))["LastUpdateStatus"] ==
          "Successful");
    auto who = body_of(f.invoke("w", "{}"));
    CHECK(who["memoryLimitInMB"] == 1024);
    CHECK(who["environment"]["MODE"] == "x");
    // An empty TargetArn removes the DLQ; empty Variables the environment.
    auto cleared = body_of(f.put("/2015-03-31/functions/w/configuration",
                                 {{"DeadLetterConfig", {{"TargetArn", ""}}},
                                  {"Environment", {{"Variables", json::object()}}}}));
    CHECK_FALSE(cleared.contains("DeadLetterConfig"));
    CHECK_FALSE(cleared.contains("Environment"));
}

TEST_CASE("UpdateFunctionConfiguration: errors", "[service]") {
    lambda_fixture f;
    f.must_create("w", "echo");
    std::string path = "/2015-03-31/functions/w/configuration";
    check_lambda_error(f.c.request("PUT", path, "{"), 400, "InvalidRequestContentException");
    check_lambda_error(f.put(path, {{"MemorySize", 20000}}), 400, "ValidationException",
                       "1 validation error detected: Value '20000' at 'memorySize' failed to "
                       "satisfy constraint: Member must have value less than or equal to 10240");
    check_lambda_error(f.put(path, {{"DeadLetterConfig", {{"TargetArn", "arn:aws:s3:::b"}}}}), 400,
                       "InvalidParameterValueException",
                       "The provided target arn is invalid: arn:aws:s3:::b. Target arn must be an "
                       "SQS queue or SNS topic.");
    check_lambda_error(f.put(path, {{"Runtime", "cobol"}}), 400, "InvalidParameterValueException");
    check_lambda_error(f.put(path, {{"RevisionId", "stale"}}), 412, "PreconditionFailedException",
                       "The Revision Id provided does not match the latest Revision Id. Call the "
                       "GetFunction/GetAlias API to retrieve the latest Revision Id");
    check_lambda_error(f.put("/2015-03-31/functions/none/configuration", {{"Timeout", 3}}), 404,
                       "ResourceNotFoundException");
}
