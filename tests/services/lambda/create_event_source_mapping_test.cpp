// CreateEventSourceMapping: SQS and DynamoDB Streams mappings, stored and validated.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

namespace {
const std::string esm = "/2015-03-31/event-source-mappings/";
const std::string queue = "arn:aws:sqs:us-east-1:000000000000:jobs";
const std::string stream =
    "arn:aws:dynamodb:us-east-1:000000000000:table/images/stream/2026-01-01T00:00:00.000";
} // namespace

TEST_CASE("CreateEventSourceMapping: SQS with defaults", "[service]") {
    lambda_fixture f;
    f.must_create("p", "partialBatch");
    auto r = f.post(esm, {{"EventSourceArn", queue},
                          {"FunctionName", "p"},
                          {"FunctionResponseTypes", {"ReportBatchItemFailures"}}});
    REQUIRE(r.status == 202);
    auto m = body_of(r);
    CHECK(m["UUID"].get<std::string>().size() == 36);
    CHECK(m["BatchSize"] == 10);
    CHECK(m["MaximumBatchingWindowInSeconds"] == 0);
    CHECK(m["EventSourceArn"] == queue);
    CHECK(m["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:p");
    CHECK(m["State"] == "Creating");
    CHECK(m["FunctionResponseTypes"][0] == "ReportBatchItemFailures");
    CHECK(body_of(f.get(esm + m["UUID"].get<std::string>()))["State"] == "Enabled");
}

TEST_CASE("CreateEventSourceMapping: DynamoDB stream", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    auto m = body_of(f.post(esm, {{"EventSourceArn", stream},
                                  {"FunctionName", "p"},
                                  {"StartingPosition", "TRIM_HORIZON"},
                                  {"MaximumRetryAttempts", 2},
                                  {"BisectBatchOnFunctionError", true},
                                  {"Enabled", false}}));
    CHECK(m["BatchSize"] == 100);
    CHECK(m["StartingPosition"] == "TRIM_HORIZON");
    CHECK(m["MaximumRetryAttempts"] == 2);
    CHECK(m["BisectBatchOnFunctionError"] == true);
    CHECK(m["State"] == "Disabled");
}

TEST_CASE("CreateEventSourceMapping: validation errors", "[service]") {
    lambda_fixture f;
    f.must_create("p", "echo");
    check_lambda_error(f.c.request("POST", esm, "{"), 400, "InvalidRequestContentException");
    check_lambda_error(f.post(esm, {{"EventSourceArn", queue}, {"FunctionName", "none"}}), 400,
                       "InvalidParameterValueException", "Function does not exist");
    check_lambda_error(f.post(esm, {{"EventSourceArn", "arn:aws:s3:::b"}, {"FunctionName", "p"}}),
                       400, "InvalidParameterValueException");
    check_lambda_error(
        f.post(esm, {{"EventSourceArn", queue}, {"FunctionName", "p"}, {"BatchSize", 11}}), 400,
        "InvalidParameterValueException",
        "Maximum batch window in seconds must be greater than 0 if maximum batch "
        "size is greater than 10");
    check_lambda_error(
        f.post(esm, {{"EventSourceArn", queue}, {"FunctionName", "p"}, {"BatchSize", 0}}), 400,
        "ValidationException",
        "1 validation error detected: Value '0' at 'batchSize' failed to satisfy "
        "constraint: Member must have value greater than or equal to 1");
    check_lambda_error(f.post(esm, {{"EventSourceArn", stream}, {"FunctionName", "p"}}), 400,
                       "InvalidParameterValueException");
    check_lambda_error(
        f.post(esm,
               {{"EventSourceArn", queue}, {"FunctionName", "p"}, {"StartingPosition", "LATEST"}}),
        400, "InvalidParameterValueException");
    REQUIRE(f.post(esm, {{"EventSourceArn", queue}, {"FunctionName", "p"}}).status == 202);
    check_lambda_error(f.post(esm, {{"EventSourceArn", queue}, {"FunctionName", "p"}}), 409,
                       "ResourceConflictException");
}
