// TagQueue: adds and replaces tags; both protocols.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("TagQueue: adds and replaces tags", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.ok("TagQueue", {{"QueueUrl", url}, {"Tags", {{"a", "1"}, {"b", "2"}}}});
    auto r =
        f.sqs.query_call("TagQueue", {{"QueueUrl", url}, {"Tag.1.Key", "a"}, {"Tag.1.Value", "9"}});
    CHECK(r.status == 200);
    auto tags = f.sqs.ok("ListQueueTags", {{"QueueUrl", url}})["Tags"];
    CHECK(tags == json({{"a", "9"}, {"b", "2"}}));
}

TEST_CASE("TagQueue: errors", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto missing = f.sqs.json_call("TagQueue", {{"QueueUrl", url}});
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter Tags.");
    auto wrong = f.sqs.json_call("TagQueue", {{"QueueUrl", url}, {"Tags", {{"a", 1}}}});
    check_json_error(wrong, 400, "", "com.amazon.coral.service#SerializationException");
    json many = json::object();
    for (int i = 0; i < 51; ++i) {
        many["k" + std::to_string(i)] = "v";
    }
    auto too_many = f.sqs.json_call("TagQueue", {{"QueueUrl", url}, {"Tags", many}});
    check_json_error(too_many, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Too many tags added for queue q.");
}
