// ChangeMessageVisibilityBatch: per-entry results and envelope errors.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ChangeMessageVisibilityBatch: changes good entries, reports bad ones", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "a");
    f.sqs.send(url, "b");
    auto got = f.sqs.receive(url, {{"MaxNumberOfMessages", 2}});
    REQUIRE(got.size() == 2);
    auto out = f.sqs.ok(
        "ChangeMessageVisibilityBatch",
        {{"QueueUrl", url},
         {"Entries",
          {{{"Id", "a"}, {"ReceiptHandle", got[0]["ReceiptHandle"]}, {"VisibilityTimeout", 0}},
           {{"Id", "b"}, {"ReceiptHandle", got[1]["ReceiptHandle"]}, {"VisibilityTimeout", 99999}},
           {{"Id", "c"}, {"ReceiptHandle", "bogus"}, {"VisibilityTimeout", 0}}}}});
    CHECK(out["Successful"].size() == 1);
    REQUIRE(out["Failed"].size() == 2);
    CHECK(out["Failed"][0]["Id"] == "b");
    CHECK(out["Failed"][0]["Code"] == "InvalidParameterValue");
    CHECK(out["Failed"][1]["Code"] == "ReceiptHandleIsInvalid");
    auto again = f.sqs.receive(url);
    REQUIRE(again.size() == 1);
    CHECK(again[0]["Body"] == "a");
}

TEST_CASE("ChangeMessageVisibilityBatch: envelope errors on both protocols", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto r = f.sqs.json_call("ChangeMessageVisibilityBatch", {{"QueueUrl", url}});
    check_json_error(r, 400, "AWS.SimpleQueueService.EmptyBatchRequest",
                     "com.amazonaws.sqs#EmptyBatchRequest",
                     "There should be at least one ChangeMessageVisibilityBatchRequestEntry in "
                     "the request.");
    auto q = f.sqs.query_call("ChangeMessageVisibilityBatch", {{"QueueUrl", url}});
    check_query_error(q, 400, "AWS.SimpleQueueService.EmptyBatchRequest");
}
