// ListQueues: prefix, pagination with MaxResults/NextToken, both protocols.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListQueues: all queues, by prefix, paginated", "[service]") {
    sqs_fixture f;
    for (auto name : {"alpha", "beta", "alpha2", "alpha3"}) {
        f.sqs.create_queue(name);
    }
    auto all = f.sqs.ok("ListQueues", json::object());
    CHECK(all["QueueUrls"].size() == 4);
    auto alphas = f.sqs.ok("ListQueues", {{"QueueNamePrefix", "alpha"}});
    CHECK(alphas["QueueUrls"].size() == 3);
    auto page1 = f.sqs.ok("ListQueues", {{"QueueNamePrefix", "alpha"}, {"MaxResults", 2}});
    CHECK(page1["QueueUrls"].size() == 2);
    REQUIRE(page1.contains("NextToken"));
    auto page2 = f.sqs.ok(
        "ListQueues",
        {{"QueueNamePrefix", "alpha"}, {"MaxResults", 2}, {"NextToken", page1["NextToken"]}});
    CHECK(page2["QueueUrls"].size() == 1);
    CHECK(!page2.contains("NextToken"));
    auto none = f.sqs.ok("ListQueues", {{"QueueNamePrefix", "zzz"}});
    CHECK(!none.contains("QueueUrls"));
    auto q = f.sqs.query_call("ListQueues", {{"QueueNamePrefix", "be"}});
    INFO(q.body);
    CHECK(q.status == 200);
    CHECK(xml_find(q.body, "QueueUrl").ends_with("/000000000000/beta"));
}

TEST_CASE("ListQueues: validation", "[service]") {
    sqs_fixture f;
    auto r = f.sqs.json_call("ListQueues", {{"MaxResults", 1001}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value 1001 for parameter MaxResults is invalid. Reason: MaxResults must be "
                     "an integer between 1 and 1000.");
    auto t = f.sqs.json_call("ListQueues", {{"NextToken", "abc"}});
    check_json_error(t, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "MaxResults is a mandatory parameter when you provide a value for NextToken.");
    auto s = f.sqs.json_call("ListQueues", {{"MaxResults", "3"}});
    check_json_error(s, 400, "", "com.amazon.coral.service#SerializationException");
}
