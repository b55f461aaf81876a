// Protocol-level behaviour shared by every operation: unknown actions, malformed bodies, request
// ids, the query-compatible error header.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("Protocol: unknown operations on both protocols", "[service]") {
    sqs_fixture f;
    auto j = f.sqs.json_call("Frobnicate", json::object());
    check_json_error(j, 400, "", "com.amazon.coral.service#UnknownOperationException");
    auto q = f.sqs.query_call("Frobnicate", {});
    check_query_error(q, 400, "InvalidAction",
                      "The action Frobnicate is not valid for this endpoint.");
}

TEST_CASE("Protocol: malformed form bodies and JSON of the wrong shape", "[service]") {
    sqs_fixture f;
    auto bad_escape = f.sqs.c.request("POST", "/", "Action=ListQueues&QueueNamePrefix=%zz",
                                      {{"Content-Type", "application/x-www-form-urlencoded"}});
    check_query_error(bad_escape, 400, "MalformedQueryString");
    auto wrong = f.sqs.raw_json("SendMessage", R"({"QueueUrl": ["a"], "MessageBody": "x"})");
    check_json_error(wrong, 400, "", "com.amazon.coral.service#SerializationException");
    auto truncated = f.sqs.raw_json("SendMessage", R"({"QueueUrl": )");
    check_json_error(truncated, 400, "", "com.amazon.coral.service#SerializationException");
}

TEST_CASE("Protocol: every response carries a request id", "[service]") {
    sqs_fixture f;
    auto j = f.sqs.json_call("ListQueues", json::object());
    CHECK(!j.header("x-amzn-requestid").empty());
    auto q = f.sqs.query_call("ListQueues", {});
    CHECK(xml_find(q.body, "RequestId") == q.header("x-amzn-requestid"));
}
