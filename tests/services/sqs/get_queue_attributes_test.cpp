// GetQueueAttributes: selection, Approximate* counts, unknown names, query rendering.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetQueueAttributes: counts visible, in-flight and delayed messages", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "a");
    f.sqs.send(url, "b");
    f.sqs.send(url, "c", {{"DelaySeconds", 60}});
    f.sqs.receive(url);
    auto out = f.sqs.ok("GetQueueAttributes",
                        {{"QueueUrl", url},
                         {"AttributeNames",
                          {"ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                           "ApproximateNumberOfMessagesDelayed"}}});
    CHECK(out["Attributes"].size() == 3);
    CHECK(out["Attributes"]["ApproximateNumberOfMessages"] == "1");
    CHECK(out["Attributes"]["ApproximateNumberOfMessagesNotVisible"] == "1");
    CHECK(out["Attributes"]["ApproximateNumberOfMessagesDelayed"] == "1");
    auto nothing = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", url}});
    CHECK(!nothing.contains("Attributes"));
}

TEST_CASE("GetQueueAttributes: unknown names and the query form", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto r =
        f.sqs.json_call("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"Nope"}}});
    check_json_error(r, 400, "InvalidAttributeName", "com.amazonaws.sqs#InvalidAttributeName",
                     "Unknown Attribute Nope.");
    auto q = f.sqs.query_call("GetQueueAttributes",
                              {{"QueueUrl", url}, {"AttributeName.1", "QueueArn"}});
    INFO(q.body);
    REQUIRE(q.status == 200);
    auto doc = protocol::parse_xml(q.body);
    REQUIRE(doc);
    auto* attr = doc->child("GetQueueAttributesResult")->child("Attribute");
    REQUIRE(attr);
    CHECK(attr->child_text("Name") == "QueueArn");
    CHECK(attr->child_text("Value") == "arn:aws:sqs:us-east-1:000000000000:q");
    auto s = f.sqs.json_call("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", "All"}});
    check_json_error(s, 400, "", "com.amazon.coral.service#SerializationException");
}
