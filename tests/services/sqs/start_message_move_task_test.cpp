// StartMessageMoveTask: moves a DLQ's messages back; errors.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("StartMessageMoveTask: moves DLQ messages back to their source", "[service]") {
    sqs_fixture f;
    dlq_setup s(f);
    REQUIRE(f.sqs.attribute(s.dlq, "ApproximateNumberOfMessages") == "3");
    auto start =
        f.sqs.ok("StartMessageMoveTask", {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:dlq"}});
    CHECK(!start["TaskHandle"].get<std::string>().empty());
    CHECK(f.sqs.attribute(s.dlq, "ApproximateNumberOfMessages") == "0");
    CHECK(f.sqs.attribute(s.source, "ApproximateNumberOfMessages") == "3");
    auto list =
        f.sqs.ok("ListMessageMoveTasks", {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:dlq"}});
    REQUIRE(list["Results"].size() == 1);
    CHECK(list["Results"][0]["Status"] == "COMPLETED");
    CHECK(list["Results"][0]["ApproximateNumberOfMessagesMoved"] == 3);
    auto cancel = f.sqs.json_call("CancelMessageMoveTask", {{"TaskHandle", start["TaskHandle"]}});
    check_json_error(cancel, 400, "AWS.SimpleQueueService.UnsupportedOperation",
                     "com.amazonaws.sqs#UnsupportedOperation");
}

TEST_CASE("StartMessageMoveTask: errors", "[service]") {
    sqs_fixture f;
    dlq_setup s(f);
    auto not_dlq = f.sqs.json_call("StartMessageMoveTask",
                                   {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:src"}});
    check_json_error(not_dlq, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Source queue must be configured as a Dead Letter Queue.");
    auto missing = f.sqs.json_call("StartMessageMoveTask",
                                   {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:none"}});
    check_json_error(missing, 400, "ResourceNotFoundException",
                     "com.amazonaws.sqs#ResourceNotFoundException",
                     "The resource that you specified for the SourceArn parameter doesn't exist.");
    auto no_arn = f.sqs.json_call("StartMessageMoveTask", json::object());
    check_json_error(no_arn, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter SourceArn.");
    auto unknown = f.sqs.json_call("CancelMessageMoveTask", {{"TaskHandle", "nope"}});
    check_json_error(unknown, 400, "ResourceNotFoundException",
                     "com.amazonaws.sqs#ResourceNotFoundException", "Task does not exist.");
    auto list = f.sqs.json_call(
        "ListMessageMoveTasks",
        {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:dlq"}, {"MaxResults", 11}});
    check_json_error(list, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException");
}
