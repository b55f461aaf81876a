// CancelMessageMoveTask: tasks complete at once, so none is RUNNING; unknown handles.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("CancelMessageMoveTask: a completed task cannot be cancelled", "[service]") {
    sqs_fixture f;
    dlq_setup s(f);
    auto start =
        f.sqs.ok("StartMessageMoveTask", {{"SourceArn", "arn:aws:sqs:us-east-1:000000000000:dlq"}});
    auto r = f.sqs.json_call("CancelMessageMoveTask", {{"TaskHandle", start["TaskHandle"]}});
    check_json_error(r, 400, "AWS.SimpleQueueService.UnsupportedOperation",
                     "com.amazonaws.sqs#UnsupportedOperation",
                     "The task cannot be cancelled because it is not in RUNNING state.");
}

TEST_CASE("CancelMessageMoveTask: errors", "[service]") {
    sqs_fixture f;
    auto unknown = f.sqs.json_call("CancelMessageMoveTask", {{"TaskHandle", "nope"}});
    check_json_error(unknown, 400, "ResourceNotFoundException",
                     "com.amazonaws.sqs#ResourceNotFoundException", "Task does not exist.");
    auto missing = f.sqs.json_call("CancelMessageMoveTask", json::object());
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter TaskHandle.");
    auto wrong = f.sqs.json_call("CancelMessageMoveTask", {{"TaskHandle", 7}});
    check_json_error(wrong, 400, "", "com.amazon.coral.service#SerializationException");
}
