// DeleteQueue: removes the queue and its messages.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteQueue: removes the queue and its messages", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "m");
    auto r = f.sqs.query_call("DeleteQueue", {{"QueueUrl", url}});
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(xml_root(r.body) == "DeleteQueueResponse");
    auto again = f.sqs.json_call("DeleteQueue", {{"QueueUrl", url}});
    check_json_error(again, 400, "AWS.SimpleQueueService.NonExistentQueue",
                     "com.amazonaws.sqs#QueueDoesNotExist");
    auto recreated = f.sqs.create_queue("q");
    CHECK(f.sqs.receive(recreated).empty());
}
