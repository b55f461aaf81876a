// ListMessageMoveTasks: most recent first, MaxResults 1..10, unknown source.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListMessageMoveTasks: lists the most recent tasks first", "[service]") {
    sqs_fixture f;
    dlq_setup s(f);
    std::string arn = "arn:aws:sqs:us-east-1:000000000000:dlq";
    f.sqs.ok("StartMessageMoveTask", {{"SourceArn", arn}});
    f.sqs.ok("StartMessageMoveTask",
             {{"SourceArn", arn}, {"DestinationArn", "arn:aws:sqs:us-east-1:000000000000:src"}});
    auto one = f.sqs.ok("ListMessageMoveTasks", {{"SourceArn", arn}});
    REQUIRE(one["Results"].size() == 1);
    CHECK(one["Results"][0]["DestinationArn"] == "arn:aws:sqs:us-east-1:000000000000:src");
    CHECK(one["Results"][0]["ApproximateNumberOfMessagesMoved"] == 0);
    auto both = f.sqs.ok("ListMessageMoveTasks", {{"SourceArn", arn}, {"MaxResults", 10}});
    CHECK(both["Results"].size() == 2);
    CHECK(both["Results"][1]["ApproximateNumberOfMessagesMoved"] == 3);
}

TEST_CASE("ListMessageMoveTasks: errors", "[service]") {
    sqs_fixture f;
    auto missing = f.sqs.json_call("ListMessageMoveTasks", json::object());
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter SourceArn.");
    auto unknown = f.sqs.json_call("ListMessageMoveTasks",
                                   {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:none"}});
    check_json_error(unknown, 400, "ResourceNotFoundException",
                     "com.amazonaws.sqs#ResourceNotFoundException",
                     "The resource that you specified for the SourceArn parameter doesn't exist.");
    f.sqs.create_queue("dlq");
    auto range = f.sqs.json_call(
        "ListMessageMoveTasks",
        {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:dlq"}, {"MaxResults", 11}});
    check_json_error(range, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value 11 for parameter MaxResults is invalid. Reason: You must enter a "
                     "number that's between 1 and 10.");
}
