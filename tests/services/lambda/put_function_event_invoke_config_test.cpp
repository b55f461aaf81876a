// PutFunctionEventInvokeConfig.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutFunctionEventInvokeConfig: stores and replaces", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    auto r = f.put("/2019-09-25/functions/e/event-invoke-config",
                   {{"MaximumRetryAttempts", 1},
                    {"MaximumEventAgeInSeconds", 600},
                    {"DestinationConfig",
                     {{"OnFailure", {{"Destination", "arn:aws:sqs:us-east-1:000000000000:f"}}}}}});
    REQUIRE(r.status == 200);
    auto c = body_of(r);
    CHECK(c["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:e:$LATEST");
    CHECK(c["MaximumRetryAttempts"] == 1);
    CHECK(c["MaximumEventAgeInSeconds"] == 600);
    CHECK(c["DestinationConfig"]["OnFailure"]["Destination"] ==
          "arn:aws:sqs:us-east-1:000000000000:f");
    CHECK(c["DestinationConfig"]["OnSuccess"] == json::object());
    CHECK(c["LastModified"].is_number());
    auto replaced = body_of(
        f.put("/2019-09-25/functions/e/event-invoke-config", {{"MaximumRetryAttempts", 0}}));
    CHECK_FALSE(replaced.contains("MaximumEventAgeInSeconds"));
}

TEST_CASE("PutFunctionEventInvokeConfig: errors", "[service]") {
    lambda_fixture f;
    f.must_create("e", "echo");
    std::string path = "/2019-09-25/functions/e/event-invoke-config";
    check_lambda_error(f.c.request("PUT", path, "{"), 400, "InvalidRequestContentException");
    check_lambda_error(f.put(path, {{"MaximumRetryAttempts", 3}}), 400, "ValidationException",
                       "1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to "
                       "satisfy constraint: Member must have value less than or equal to 2");
    check_lambda_error(f.put(path, {{"MaximumEventAgeInSeconds", 59}}), 400, "ValidationException",
                       "1 validation error detected: Value '59' at 'maximumEventAgeInSeconds' "
                       "failed to satisfy constraint: Member must have value greater than or "
                       "equal to 60");
    check_lambda_error(
        f.put(path, {{"DestinationConfig", {{"OnFailure", {{"Destination", "somewhere"}}}}}}), 400,
        "ValidationException",
        "1 validation error detected: Value 'somewhere' at 'destinationConfig.onFailure."
        "destination' failed to satisfy constraint: Member must satisfy regular expression "
        "pattern: ^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}((-gov)|(-iso(b?)))?-"
        "[a-z]+-\\d{1})?:(\\d{12})?:(.*)");
    const std::string fn = "arn:aws:lambda:us-east-1:000000000000:function:";
    check_lambda_error(
        f.put(path, {{"DestinationConfig", {{"OnSuccess", {{"Destination", fn + "missing"}}}}}}),
        400, "InvalidParameterValueException", "The destination ARN " + fn + "missing is invalid.");
    check_lambda_error(
        f.put(path, {{"DestinationConfig",
                      {{"OnSuccess",
                        {{"Destination", "arn:aws:iam:us-east-1:"
                                         "000000000000:function:e"}}}}}}),
        400, "InvalidParameterValueException",
        "The provided destination config DestinationConfig(onSuccess=OnSuccess(destination="
        "arn:aws:iam:us-east-1:000000000000:function:e), onFailure=null) is invalid.");
    // AWS asks for a setting before it looks for the function.
    for (const char* name : {"e", "none"}) {
        check_lambda_error(
            f.put("/2019-09-25/functions/" + std::string(name) + "/event-invoke-config",
                  json::object()),
            400, "InvalidParameterValueException",
            "You must specify at least one of error handling or destination "
            "setting.");
    }
    check_lambda_error(
        f.put("/2019-09-25/functions/none/event-invoke-config", {{"MaximumRetryAttempts", 1}}), 404,
        "ResourceNotFoundException", "The function doesn't exist.");
    check_lambda_error(f.put(path + "?Qualifier=nope", {{"MaximumRetryAttempts", 1}}), 404,
                       "ResourceNotFoundException", "The function doesn't exist.");
}
