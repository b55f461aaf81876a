// ListDeadLetterSourceQueues: the queues redriving into a DLQ, paginated.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListDeadLetterSourceQueues: lists sources, paginated", "[service]") {
    sqs_fixture f;
    auto dlq = f.sqs.create_queue("dlq");
    std::string redrive =
        R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":5})";
    f.sqs.create_queue("a", {{"RedrivePolicy", redrive}});
    f.sqs.create_queue("b", {{"RedrivePolicy", redrive}});
    f.sqs.create_queue("c");
    auto all = f.sqs.ok("ListDeadLetterSourceQueues", {{"QueueUrl", dlq}});
    CHECK(all["queueUrls"].size() == 2);
    auto page = f.sqs.ok("ListDeadLetterSourceQueues", {{"QueueUrl", dlq}, {"MaxResults", 1}});
    CHECK(page["queueUrls"].size() == 1);
    REQUIRE(page.contains("NextToken"));
    auto rest = f.sqs.ok("ListDeadLetterSourceQueues",
                         {{"QueueUrl", dlq}, {"MaxResults", 1}, {"NextToken", page["NextToken"]}});
    CHECK(rest["queueUrls"].size() == 1);
    CHECK(rest["queueUrls"][0] != page["queueUrls"][0]);
    auto q = f.sqs.query_call("ListDeadLetterSourceQueues", {{"QueueUrl", dlq}});
    CHECK(q.status == 200);
    CHECK(protocol::parse_xml(q.body)
              ->child("ListDeadLetterSourceQueuesResult")
              ->children_named("QueueUrl")
              .size() == 2);
    auto bad =
        f.sqs.json_call("ListDeadLetterSourceQueues", {{"QueueUrl", dlq}, {"MaxResults", 0}});
    check_json_error(bad, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException");
}
