// SendMessageBatch: per-entry MD5s and failures, envelope limits, both protocols.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SendMessageBatch: sends valid entries and fails invalid ones", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto out = f.sqs.ok("SendMessageBatch",
                        {{"QueueUrl", url},
                         {"Entries",
                          {{{"Id", "a"}, {"MessageBody", "hello"}},
                           {{"Id", "b"}, {"MessageBody", "x\x02"}},
                           {{"Id", "c"}, {"MessageBody", "later"}, {"DelaySeconds", 30}}}}});
    REQUIRE(out["Successful"].size() == 2);
    CHECK(out["Successful"][0]["Id"] == "a");
    CHECK(out["Successful"][0]["MD5OfMessageBody"] == "5d41402abc4b2a76b9719d911017c592");
    REQUIRE(out["Failed"].size() == 1);
    CHECK(out["Failed"][0]["Id"] == "b");
    CHECK(out["Failed"][0]["Code"] == "InvalidMessageContents");
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessages") == "1");
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessagesDelayed") == "1");
}

TEST_CASE("SendMessageBatch: query protocol entries and result entries", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto r = f.sqs.query_call(
        "SendMessageBatch",
        {{"QueueUrl", url},
         {"SendMessageBatchRequestEntry.1.Id", "a"},
         {"SendMessageBatchRequestEntry.1.MessageBody", "hello"},
         {"SendMessageBatchRequestEntry.2.Id", "b"},
         {"SendMessageBatchRequestEntry.2.MessageBody", "world"},
         {"SendMessageBatchRequestEntry.2.MessageAttribute.1.Name", "color"},
         {"SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType", "String"},
         {"SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue", "blue"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto doc = protocol::parse_xml(r.body);
    REQUIRE(doc);
    auto entries =
        doc->child("SendMessageBatchResult")->children_named("SendMessageBatchResultEntry");
    REQUIRE(entries.size() == 2);
    CHECK(entries[1]->child_text("MD5OfMessageAttributes") == "da1b33cc3cbfe8b1630921e78e6b9880");
}

TEST_CASE("SendMessageBatch: batch limits", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto none =
        f.sqs.json_call("SendMessageBatch", {{"QueueUrl", url}, {"Entries", json::array()}});
    check_json_error(none, 400, "AWS.SimpleQueueService.EmptyBatchRequest",
                     "com.amazonaws.sqs#EmptyBatchRequest",
                     "There should be at least one SendMessageBatchRequestEntry in the request.");
    json big = json::array();
    for (int i = 0; i < 2; ++i) {
        big.push_back({{"Id", "e" + std::to_string(i)}, {"MessageBody", std::string(600000, 'a')}});
    }
    auto too_long = f.sqs.json_call("SendMessageBatch", {{"QueueUrl", url}, {"Entries", big}});
    check_json_error(too_long, 400, "AWS.SimpleQueueService.BatchRequestTooLong",
                     "com.amazonaws.sqs#BatchRequestTooLong",
                     "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 "
                     "bytes.");
    auto bad_id = f.sqs.json_call(
        "SendMessageBatch",
        {{"QueueUrl", url}, {"Entries", {{{"Id", std::string(81, 'a')}, {"MessageBody", "x"}}}}});
    check_json_error(bad_id, 400, "AWS.SimpleQueueService.InvalidBatchEntryId",
                     "com.amazonaws.sqs#InvalidBatchEntryId");
    auto not_list = f.sqs.json_call("SendMessageBatch", {{"QueueUrl", url}, {"Entries", "x"}});
    check_json_error(not_list, 400, "", "com.amazon.coral.service#SerializationException");
}

TEST_CASE("SendMessageBatch: a FIFO entry without group or deduplication id fails the batch",
          "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q.fifo", {{"FifoQueue", "true"}});
    json good = {{"Id", "a"},
                 {"MessageBody", "x"},
                 {"MessageGroupId", "g"},
                 {"MessageDeduplicationId", "d"}};
    auto no_group = f.sqs.json_call(
        "SendMessageBatch",
        {{"QueueUrl", url},
         {"Entries",
          {good, {{"Id", "b"}, {"MessageBody", "y"}, {"MessageDeduplicationId", "e"}}}}});
    check_json_error(no_group, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "The request must contain the parameter MessageGroupId.");
    auto no_dedup = f.sqs.json_call(
        "SendMessageBatch",
        {{"QueueUrl", url},
         {"Entries", {good, {{"Id", "b"}, {"MessageBody", "y"}, {"MessageGroupId", "g"}}}}});
    check_json_error(no_dedup, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "The queue should either have ContentBasedDeduplication enabled or "
                     "MessageDeduplicationId provided explicitly");
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessages") == "0");
}
