// ReceiveMessage: visibility, attribute selection, validation, redrive, FIFO groups.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ReceiveMessage: a received message is invisible for the visibility timeout",
          "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q", {{"VisibilityTimeout", "20"}});
    f.sqs.send(url, "m");
    auto first = f.sqs.receive(url);
    REQUIRE(first.size() == 1);
    CHECK(first[0]["Body"] == "m");
    CHECK(first[0]["MD5OfBody"] == md5_hex("m"));
    CHECK(f.sqs.receive(url).empty());
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessagesNotVisible") == "1");
    f.advance(19);
    CHECK(f.sqs.receive(url).empty());
    f.advance(1);
    auto again = f.sqs.receive(url, {{"VisibilityTimeout", 5}});
    REQUIRE(again.size() == 1);
    CHECK(again[0]["ReceiptHandle"] != first[0]["ReceiptHandle"]);
    f.advance(5);
    CHECK(f.sqs.receive(url).size() == 1);
}

TEST_CASE("ReceiveMessage: MaxNumberOfMessages and send order", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    for (int i = 0; i < 15; ++i) {
        f.sqs.send(url, "m" + std::to_string(i));
    }
    auto batch = f.sqs.receive(url, {{"MaxNumberOfMessages", 10}});
    CHECK(batch.size() == 10);
    CHECK(batch[0]["Body"] == "m0");
    CHECK(f.sqs.receive(url, {{"MaxNumberOfMessages", 10}}).size() == 5);
}

TEST_CASE("ReceiveMessage: system attributes and message attributes by selection", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "m",
               {{"MessageAttributes",
                 {{"color", {{"DataType", "String"}, {"StringValue", "blue"}}},
                  {"size.big", {{"DataType", "Number"}, {"StringValue", "3"}}}}}});
    auto none = f.sqs.receive(url, {{"VisibilityTimeout", 0}});
    REQUIRE(none.size() == 1);
    CHECK(!none[0].contains("Attributes"));
    CHECK(!none[0].contains("MessageAttributes"));
    auto all = f.sqs.receive(url, {{"VisibilityTimeout", 0},
                                   {"AttributeNames", {"All"}},
                                   {"MessageAttributeNames", {"All"}}});
    REQUIRE(all.size() == 1);
    CHECK(all[0]["Attributes"]["ApproximateReceiveCount"] == "2");
    CHECK(all[0]["Attributes"].contains("SentTimestamp"));
    CHECK(all[0]["Attributes"].contains("SenderId"));
    CHECK(all[0]["Attributes"].contains("ApproximateFirstReceiveTimestamp"));
    CHECK(all[0]["MessageAttributes"].size() == 2);
    auto some = f.sqs.receive(url, {{"VisibilityTimeout", 0},
                                    {"MessageSystemAttributeNames", {"SentTimestamp"}},
                                    {"MessageAttributeNames", {"color"}}});
    REQUIRE(some.size() == 1);
    CHECK(some[0]["Attributes"].size() == 1);
    CHECK(some[0]["MessageAttributes"].size() == 1);
    CHECK(some[0]["MD5OfMessageAttributes"] == "da1b33cc3cbfe8b1630921e78e6b9880");
    auto prefix = f.sqs.receive(url, {{"MessageAttributeNames", {"size.*"}}});
    REQUIRE(prefix.size() == 1);
    CHECK(prefix[0]["MessageAttributes"].contains("size.big"));
    CHECK(!prefix[0]["MessageAttributes"].contains("color"));
}

TEST_CASE("ReceiveMessage: query protocol renders messages and attributes", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "a<b>&c");
    auto r = f.sqs.query_call(
        "ReceiveMessage",
        {{"QueueUrl", url}, {"AttributeName.1", "All"}, {"MaxNumberOfMessages", "5"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto doc = protocol::parse_xml(r.body);
    REQUIRE(doc);
    auto* result = doc->child("ReceiveMessageResult");
    REQUIRE(result);
    auto* message = result->child("Message");
    REQUIRE(message);
    CHECK(message->child_text("Body") == "a<b>&c");
    CHECK(message->children_named("Attribute").size() >= 4);
}

TEST_CASE("ReceiveMessage: parameter validation", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto r = f.sqs.json_call("ReceiveMessage", {{"QueueUrl", url}, {"MaxNumberOfMessages", 11}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be "
                     "between 1 and 10, if provided.");
    auto w = f.sqs.json_call("ReceiveMessage", {{"QueueUrl", url}, {"WaitTimeSeconds", 21}});
    check_json_error(w, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 "
                     "and <= 20, if provided.");
    auto q = f.sqs.query_call("ReceiveMessage", {{"QueueUrl", url}, {"MaxNumberOfMessages", "0"}});
    check_query_error(q, 400, "InvalidParameterValue",
                      "Value 0 for parameter MaxNumberOfMessages is invalid. Reason: Must be "
                      "between 1 and 10, if provided.");
    auto t = f.sqs.json_call("ReceiveMessage", {{"QueueUrl", url}, {"MaxNumberOfMessages", "2"}});
    check_json_error(t, 400, "", "com.amazon.coral.service#SerializationException");
    auto missing = f.sqs.json_call("ReceiveMessage", json::object());
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter QueueUrl.");
}

TEST_CASE("ReceiveMessage: after maxReceiveCount receives a message moves to the DLQ",
          "[service]") {
    sqs_fixture f;
    auto dlq = f.sqs.create_queue("dlq");
    std::string policy =
        R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":2})";
    auto url = f.sqs.create_queue("q", {{"RedrivePolicy", policy}});
    f.sqs.send(url, "poison");
    CHECK(f.sqs.receive(url, {{"VisibilityTimeout", 0}}).size() == 1);
    CHECK(f.sqs.receive(url, {{"VisibilityTimeout", 0}}).size() == 1);
    CHECK(f.sqs.receive(url).empty()); // the third receive moves it instead
    auto dead = f.sqs.receive(dlq, {{"AttributeNames", {"All"}}});
    REQUIRE(dead.size() == 1);
    CHECK(dead[0]["Body"] == "poison");
    CHECK(dead[0]["Attributes"]["DeadLetterQueueSourceArn"] ==
          "arn:aws:sqs:us-east-1:000000000000:q");
    auto sources = f.sqs.ok("ListDeadLetterSourceQueues", {{"QueueUrl", dlq}});
    CHECK(sources["queueUrls"].size() == 1);
}

TEST_CASE("ReceiveMessage: FIFO keeps group order and one batch of a group in flight",
          "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q.fifo",
                                  {{"FifoQueue", "true"}, {"ContentBasedDeduplication", "true"}});
    for (int i = 0; i < 3; ++i) {
        f.sqs.send(url, "a" + std::to_string(i), {{"MessageGroupId", "A"}});
        f.sqs.send(url, "b" + std::to_string(i), {{"MessageGroupId", "B"}});
    }
    auto first = f.sqs.receive(url, {{"AttributeNames", {"All"}}});
    REQUIRE(first.size() == 1);
    CHECK(first[0]["Body"] == "a0");
    CHECK(first[0]["Attributes"]["MessageGroupId"] == "A");
    CHECK(first[0]["Attributes"].contains("SequenceNumber"));
    // Group A is in flight: only B's messages, in order.
    auto next = f.sqs.receive(url, {{"MaxNumberOfMessages", 10}});
    REQUIRE(next.size() == 3);
    CHECK(next[0]["Body"] == "b0");
    CHECK(next[2]["Body"] == "b2");
    CHECK(f.sqs.receive(url).empty());
    f.sqs.ok("DeleteMessage", {{"QueueUrl", url}, {"ReceiptHandle", first[0]["ReceiptHandle"]}});
    auto rest = f.sqs.receive(url, {{"MaxNumberOfMessages", 10}});
    REQUIRE(rest.size() == 2);
    CHECK(rest[0]["Body"] == "a1");
    CHECK(rest[1]["Body"] == "a2");
}

TEST_CASE("ReceiveMessage: FIFO ReceiveRequestAttemptId returns the same messages", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q.fifo",
                                  {{"FifoQueue", "true"}, {"ContentBasedDeduplication", "true"}});
    f.sqs.send(url, "one", {{"MessageGroupId", "A"}});
    auto a = f.sqs.receive(url, {{"ReceiveRequestAttemptId", "try-1"}});
    auto b = f.sqs.receive(url, {{"ReceiveRequestAttemptId", "try-1"}});
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0]["ReceiptHandle"] == b[0]["ReceiptHandle"]);
    CHECK(f.sqs.receive(url, {{"ReceiveRequestAttemptId", "try-2"}}).empty());
}

TEST_CASE("ReceiveMessage: retention drops messages older than MessageRetentionPeriod",
          "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q", {{"MessageRetentionPeriod", "60"}});
    f.sqs.send(url, "old");
    f.advance(61);
    CHECK(f.sqs.receive(url).empty());
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessages") == "0");
}
