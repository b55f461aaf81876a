// AddPermission: stored as a Policy statement; duplicate labels refused.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("AddPermission: the statement appears in the queue's Policy", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.ok("AddPermission", {{"QueueUrl", url},
                               {"Label", "share"},
                               {"AWSAccountIds", {"111122223333"}},
                               {"Actions", {"SendMessage"}}});
    auto policy = json::parse(f.sqs.attribute(url, "Policy"));
    REQUIRE(policy["Statement"].size() == 1);
    CHECK(policy["Statement"][0]["Sid"] == "share");
    CHECK(policy["Statement"][0]["Action"] == "SQS:SendMessage");
    CHECK(policy["Statement"][0]["Principal"]["AWS"] == "arn:aws:iam::111122223333:root");
    auto q = f.sqs.query_call("AddPermission", {{"QueueUrl", url},
                                                {"Label", "more"},
                                                {"AWSAccountId.1", "111122223333"},
                                                {"ActionName.1", "ReceiveMessage"},
                                                {"ActionName.2", "DeleteMessage"}});
    INFO(q.body);
    CHECK(q.status == 200);
    CHECK(json::parse(f.sqs.attribute(url, "Policy"))["Statement"].size() == 2);
}

TEST_CASE("AddPermission: errors", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    json body{{"QueueUrl", url},
              {"Label", "x"},
              {"AWSAccountIds", {"111122223333"}},
              {"Actions", {"SendMessage"}}};
    f.sqs.ok("AddPermission", body);
    auto dup = f.sqs.json_call("AddPermission", body);
    check_json_error(dup, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value x for parameter Label is invalid. Reason: Already exists.");
    auto no_label = f.sqs.json_call("AddPermission", {{"QueueUrl", url}});
    check_json_error(no_label, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter Label.");
    body["Label"] = "y";
    body["Actions"] = {"CreateQueue"};
    auto bad_action = f.sqs.json_call("AddPermission", body);
    check_json_error(bad_action, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException");
}
