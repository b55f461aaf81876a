// SQS state survives a restart: queues, visible, in-flight and delayed messages, dedup ids.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("Durability: messages keep their state across a restart", "[service]") {
    temp_dir dir;
    std::string url, fifo, first_id;
    {
        test_server srv(on_disk(dir));
        sqs_client c(srv.port());
        url = c.create_queue("q", {{"VisibilityTimeout", "600"}});
        c.ok("TagQueue", {{"QueueUrl", url}, {"Tags", {{"a", "1"}}}});
        c.send(url, "visible");
        c.send(url, "in flight");
        c.send(url, "delayed", {{"DelaySeconds", 600}});
        auto got = c.receive(url); // "visible" goes in flight...
        REQUIRE(got.size() == 1);
        c.ok("ChangeMessageVisibility", {{"QueueUrl", url},
                                         {"ReceiptHandle", got[0]["ReceiptHandle"]},
                                         {"VisibilityTimeout", 0}});
        c.receive(url, {{"MaxNumberOfMessages", 1}, {"VisibilityTimeout", 0}}); // count 2
        fifo = c.create_queue("f.fifo", {{"FifoQueue", "true"}});
        first_id = c.send(fifo, "x",
                          {{"MessageGroupId", "g"}, {"MessageDeduplicationId", "d"}})["MessageId"];
        // Make "in flight" in flight: receive twice (the first message is visible again).
        auto two = c.receive(url, {{"MaxNumberOfMessages", 2}});
        REQUIRE(two.size() == 2);
        c.ok("ChangeMessageVisibility", {{"QueueUrl", url},
                                         {"ReceiptHandle", two[0]["ReceiptHandle"]},
                                         {"VisibilityTimeout", 0}});
    }
    test_server srv(on_disk(dir));
    sqs_client c(srv.port());
    url = c.ok("GetQueueUrl", {{"QueueName", "q"}})["QueueUrl"];
    CHECK(c.attribute(url, "VisibilityTimeout") == "600");
    CHECK(c.attribute(url, "ApproximateNumberOfMessages") == "1");
    CHECK(c.attribute(url, "ApproximateNumberOfMessagesNotVisible") == "1");
    CHECK(c.attribute(url, "ApproximateNumberOfMessagesDelayed") == "1");
    CHECK(c.ok("ListQueueTags", {{"QueueUrl", url}})["Tags"]["a"] == "1");
    auto got = c.receive(url, {{"AttributeNames", {"ApproximateReceiveCount"}}});
    REQUIRE(got.size() == 1);
    CHECK(got[0]["Body"] == "visible");
    CHECK(got[0]["Attributes"]["ApproximateReceiveCount"] == "4");
    fifo = c.ok("GetQueueUrl", {{"QueueName", "f.fifo"}})["QueueUrl"];
    auto dup = c.send(fifo, "x", {{"MessageGroupId", "g"}, {"MessageDeduplicationId", "d"}});
    CHECK(dup["MessageId"] == first_id);
}
