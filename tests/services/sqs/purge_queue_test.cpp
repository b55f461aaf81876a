// PurgeQueue: removes every message; once per 60 seconds.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PurgeQueue: empties the queue, then refuses for 60 seconds", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "a");
    f.sqs.send(url, "b");
    f.sqs.receive(url);
    f.sqs.ok("PurgeQueue", {{"QueueUrl", url}});
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessages") == "0");
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessagesNotVisible") == "0");
    auto r = f.sqs.json_call("PurgeQueue", {{"QueueUrl", url}});
    check_json_error(r, 403, "AWS.SimpleQueueService.PurgeQueueInProgress",
                     "com.amazonaws.sqs#PurgeQueueInProgress",
                     "Only one PurgeQueue operation on q is allowed every 60 seconds.");
    f.advance(60);
    auto q = f.sqs.query_call("PurgeQueue", {{"QueueUrl", url}});
    CHECK(q.status == 200);
    auto missing = f.sqs.json_call("PurgeQueue", {{"QueueUrl", "http://h/000000000000/none"}});
    check_json_error(missing, 400, "AWS.SimpleQueueService.NonExistentQueue",
                     "com.amazonaws.sqs#QueueDoesNotExist");
}
