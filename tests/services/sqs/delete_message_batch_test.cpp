// DeleteMessageBatch: per-entry results, batch envelope errors.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteMessageBatch: deletes good handles and reports bad ones", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "a");
    f.sqs.send(url, "b");
    auto got = f.sqs.receive(url, {{"MaxNumberOfMessages", 10}});
    REQUIRE(got.size() == 2);
    auto out = f.sqs.ok("DeleteMessageBatch",
                        {{"QueueUrl", url},
                         {"Entries",
                          {{{"Id", "one"}, {"ReceiptHandle", got[0]["ReceiptHandle"]}},
                           {{"Id", "two"}, {"ReceiptHandle", got[1]["ReceiptHandle"]}},
                           {{"Id", "bad"}, {"ReceiptHandle", "nope"}}}}});
    CHECK(out["Successful"].size() == 2);
    REQUIRE(out["Failed"].size() == 1);
    CHECK(out["Failed"][0]["Id"] == "bad");
    CHECK(out["Failed"][0]["Code"] == "ReceiptHandleIsInvalid");
    CHECK(out["Failed"][0]["SenderFault"] == true);
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessagesNotVisible") == "0");
}

TEST_CASE("DeleteMessageBatch: empty, too many and repeated ids", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto empty =
        f.sqs.json_call("DeleteMessageBatch", {{"QueueUrl", url}, {"Entries", json::array()}});
    check_json_error(empty, 400, "AWS.SimpleQueueService.EmptyBatchRequest",
                     "com.amazonaws.sqs#EmptyBatchRequest",
                     "There should be at least one DeleteMessageBatchRequestEntry in the request.");
    json eleven = json::array();
    for (int i = 0; i < 11; ++i) {
        eleven.push_back({{"Id", "e" + std::to_string(i)}, {"ReceiptHandle", "x"}});
    }
    auto many = f.sqs.json_call("DeleteMessageBatch", {{"QueueUrl", url}, {"Entries", eleven}});
    check_json_error(many, 400, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                     "com.amazonaws.sqs#TooManyEntriesInBatchRequest",
                     "Maximum number of entries per request are 10. You have sent 11.");
    auto repeated = f.sqs.json_call(
        "DeleteMessageBatch",
        {{"QueueUrl", url},
         {"Entries",
          {{{"Id", "a"}, {"ReceiptHandle", "x"}}, {{"Id", "a"}, {"ReceiptHandle", "y"}}}}});
    check_json_error(repeated, 400, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                     "com.amazonaws.sqs#BatchEntryIdsNotDistinct", "Id a repeated.");
    auto q = f.sqs.query_call("DeleteMessageBatch",
                              {{"QueueUrl", url},
                               {"DeleteMessageBatchRequestEntry.1.Id", "bad id!"},
                               {"DeleteMessageBatchRequestEntry.1.ReceiptHandle", "x"}});
    check_query_error(q, 400, "AWS.SimpleQueueService.InvalidBatchEntryId",
                      "A batch entry id can only contain alphanumeric characters, hyphens and "
                      "underscores. It can be at most 80 letters long.");
}
