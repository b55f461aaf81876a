// ChangeMessageVisibility: extends, shortens, releases; errors for handles and ranges.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ChangeMessageVisibility: 0 releases the message at once, more extends", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "m");
    auto got = f.sqs.receive(url);
    REQUIRE(got.size() == 1);
    std::string handle = got[0]["ReceiptHandle"];
    f.sqs.ok("ChangeMessageVisibility",
             {{"QueueUrl", url}, {"ReceiptHandle", handle}, {"VisibilityTimeout", 0}});
    auto again = f.sqs.receive(url);
    REQUIRE(again.size() == 1);
    f.sqs.ok("ChangeMessageVisibility", {{"QueueUrl", url},
                                         {"ReceiptHandle", again[0]["ReceiptHandle"]},
                                         {"VisibilityTimeout", 100}});
    f.advance(99);
    CHECK(f.sqs.receive(url).empty());
    f.advance(1);
    CHECK(f.sqs.receive(url).size() == 1);
}

TEST_CASE("ChangeMessageVisibility: errors", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "m");
    auto got = f.sqs.receive(url, {{"VisibilityTimeout", 1}});
    REQUIRE(got.size() == 1);
    std::string handle = got[0]["ReceiptHandle"];
    auto range = f.sqs.json_call(
        "ChangeMessageVisibility",
        {{"QueueUrl", url}, {"ReceiptHandle", handle}, {"VisibilityTimeout", 43201}});
    check_json_error(range, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value 43201 for parameter VisibilityTimeout is invalid. Reason: "
                     "VisibilityTimeout must be an integer between 0 and 43200");
    f.advance(2); // visible again: no longer in flight
    auto not_in_flight =
        f.sqs.json_call("ChangeMessageVisibility",
                        {{"QueueUrl", url}, {"ReceiptHandle", handle}, {"VisibilityTimeout", 10}});
    check_json_error(not_in_flight, 400, "AWS.SimpleQueueService.MessageNotInflight",
                     "com.amazonaws.sqs#MessageNotInflight",
                     "Message does not exist or is not available for visibility timeout change.");
    auto invalid = f.sqs.query_call(
        "ChangeMessageVisibility",
        {{"QueueUrl", url}, {"ReceiptHandle", "zzz"}, {"VisibilityTimeout", "10"}});
    check_query_error(invalid, 400, "ReceiptHandleIsInvalid");
    auto missing =
        f.sqs.json_call("ChangeMessageVisibility", {{"QueueUrl", url}, {"ReceiptHandle", handle}});
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter VisibilityTimeout.");
}
