// DeleteMessage: receipt-handle checks, deleting twice, FIFO stale handles.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteMessage: removes a received message for good", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "m");
    auto got = f.sqs.receive(url, {{"VisibilityTimeout", 1}});
    REQUIRE(got.size() == 1);
    f.sqs.ok("DeleteMessage", {{"QueueUrl", url}, {"ReceiptHandle", got[0]["ReceiptHandle"]}});
    f.advance(2);
    CHECK(f.sqs.receive(url).empty());
    // Deleting again with the same handle succeeds, as on AWS.
    f.sqs.ok("DeleteMessage", {{"QueueUrl", url}, {"ReceiptHandle", got[0]["ReceiptHandle"]}});
}

TEST_CASE("DeleteMessage: a handle never issued is ReceiptHandleIsInvalid", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto r = f.sqs.json_call("DeleteMessage", {{"QueueUrl", url}, {"ReceiptHandle", "bogus"}});
    check_json_error(r, 400, "ReceiptHandleIsInvalid", "com.amazonaws.sqs#ReceiptHandleIsInvalid",
                     "The input receipt handle \"bogus\" is not a valid receipt handle.");
    auto q = f.sqs.query_call("DeleteMessage", {{"QueueUrl", url}, {"ReceiptHandle", "bogus"}});
    check_query_error(q, 400, "ReceiptHandleIsInvalid",
                      "The input receipt handle \"bogus\" is not a valid receipt handle.");
    // A handle of another queue is not valid here either.
    auto other = f.sqs.create_queue("other");
    f.sqs.send(other, "m");
    auto got = f.sqs.receive(other);
    REQUIRE(got.size() == 1);
    auto cross = f.sqs.json_call("DeleteMessage",
                                 {{"QueueUrl", url}, {"ReceiptHandle", got[0]["ReceiptHandle"]}});
    check_json_error(cross, 400, "ReceiptHandleIsInvalid",
                     "com.amazonaws.sqs#ReceiptHandleIsInvalid");
    auto missing = f.sqs.json_call("DeleteMessage", {{"QueueUrl", url}});
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter ReceiptHandle.");
}

TEST_CASE("DeleteMessage: FIFO refuses a handle from an earlier receive", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q.fifo",
                                  {{"FifoQueue", "true"}, {"ContentBasedDeduplication", "true"}});
    f.sqs.send(url, "m", {{"MessageGroupId", "g"}});
    auto first = f.sqs.receive(url, {{"VisibilityTimeout", 1}});
    REQUIRE(first.size() == 1);
    f.advance(2);
    auto second = f.sqs.receive(url);
    REQUIRE(second.size() == 1);
    auto r = f.sqs.json_call("DeleteMessage",
                             {{"QueueUrl", url}, {"ReceiptHandle", first[0]["ReceiptHandle"]}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException");
    f.sqs.ok("DeleteMessage", {{"QueueUrl", url}, {"ReceiptHandle", second[0]["ReceiptHandle"]}});
}
