// CreateQueue: URLs, defaults, idempotency, QueueAlreadyExists, names and attributes, both
// protocols.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("CreateQueue: returns http://host:port/account/name (JSON)", "[service]") {
    sqs_fixture f;
    auto r = f.sqs.json_call("CreateQueue", {{"QueueName", "orders"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/x-amz-json-1.0");
    CHECK(json::parse(r.body)["QueueUrl"] ==
          "http://127.0.0.1:" + std::to_string(f.srv.port()) + "/000000000000/orders");
    CHECK(!r.header("x-amzn-requestid").empty());
}

TEST_CASE("CreateQueue: query protocol answers XML with the same URL", "[service]") {
    sqs_fixture f;
    auto r = f.sqs.query_call("CreateQueue", {{"QueueName", "orders"},
                                              {"Attribute.1.Name", "VisibilityTimeout"},
                                              {"Attribute.1.Value", "60"},
                                              {"Tag.1.Key", "team"},
                                              {"Tag.1.Value", "blue"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(xml_root(r.body) == "CreateQueueResponse");
    auto url = xml_find(r.body, "QueueUrl");
    CHECK(url.ends_with("/000000000000/orders"));
    CHECK(!xml_find(r.body, "RequestId").empty());
    CHECK(f.sqs.attribute(url, "VisibilityTimeout") == "60");
    auto tags = f.sqs.ok("ListQueueTags", {{"QueueUrl", url}});
    CHECK(tags["Tags"]["team"] == "blue");
}

TEST_CASE("CreateQueue: defaults of a standard and a FIFO queue", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("plain");
    auto attrs = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"All"}}});
    auto a = attrs["Attributes"];
    CHECK(a["VisibilityTimeout"] == "30");
    CHECK(a["MaximumMessageSize"] == "1048576");
    CHECK(a["MessageRetentionPeriod"] == "345600");
    CHECK(a["DelaySeconds"] == "0");
    CHECK(a["ReceiveMessageWaitTimeSeconds"] == "0");
    CHECK(a["SqsManagedSseEnabled"] == "true");
    CHECK(a["QueueArn"] == "arn:aws:sqs:us-east-1:000000000000:plain");
    CHECK(!a.contains("FifoQueue"));
    auto fifo = f.sqs.create_queue("ordered.fifo", {{"FifoQueue", "true"}});
    auto fa = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", fifo}, {"AttributeNames", {"All"}}});
    CHECK(fa["Attributes"]["FifoQueue"] == "true");
    CHECK(fa["Attributes"]["ContentBasedDeduplication"] == "false");
    CHECK(fa["Attributes"]["DeduplicationScope"] == "queue");
}

TEST_CASE("CreateQueue: same attributes is idempotent, different is QueueAlreadyExists",
          "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q", {{"VisibilityTimeout", "45"}});
    CHECK(f.sqs.create_queue("q", {{"VisibilityTimeout", "45"}}) == url);
    CHECK(f.sqs.create_queue("q") == url);
    auto r = f.sqs.json_call("CreateQueue",
                             {{"QueueName", "q"}, {"Attributes", {{"VisibilityTimeout", "46"}}}});
    check_json_error(r, 400, "QueueAlreadyExists", "com.amazonaws.sqs#QueueNameExists",
                     "A queue already exists with the same name and a different value for "
                     "attribute VisibilityTimeout");
    auto q = f.sqs.query_call("CreateQueue", {{"QueueName", "q"},
                                              {"Attribute.1.Name", "VisibilityTimeout"},
                                              {"Attribute.1.Value", "46"}});
    check_query_error(q, 400, "QueueAlreadyExists");
}

TEST_CASE("CreateQueue: invalid names", "[service]") {
    sqs_fixture f;
    for (std::string name :
         {std::string("has space"), std::string(81, 'a'), std::string("a/b"), std::string("")}) {
        INFO(name);
        auto r = f.sqs.json_call("CreateQueue", {{"QueueName", name}});
        check_json_error(r, 400, "InvalidParameterValue",
                         "com.amazonaws.sqs#InvalidParameterValueException",
                         "Can only include alphanumeric characters, hyphens, or underscores. 1 "
                         "to 80 in length");
    }
    auto r = f.sqs.json_call("CreateQueue", {{"QueueName", "x.fifo"}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "The name of a FIFO queue can only include alphanumeric characters, "
                     "hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in "
                     "length.");
    CHECK(f.sqs.create_queue(std::string(80, 'a')).ends_with(std::string(80, 'a')));
}

TEST_CASE("CreateQueue: attribute validation", "[service]") {
    sqs_fixture f;
    auto r = f.sqs.json_call("CreateQueue", {{"QueueName", "q"}, {"Attributes", {{"Bogus", "1"}}}});
    check_json_error(r, 400, "InvalidAttributeName", "com.amazonaws.sqs#InvalidAttributeName",
                     "Unknown Attribute Bogus.");
    const std::pair<const char*, const char*> bad[] = {
        {"VisibilityTimeout", "43201"},    {"MaximumMessageSize", "1023"},
        {"MaximumMessageSize", "1048577"}, {"MessageRetentionPeriod", "59"},
        {"DelaySeconds", "901"},           {"ReceiveMessageWaitTimeSeconds", "21"},
        {"VisibilityTimeout", "abc"}};
    for (auto [name, value] : bad) {
        INFO(name << "=" << value);
        auto e =
            f.sqs.json_call("CreateQueue", {{"QueueName", "q"}, {"Attributes", {{name, value}}}});
        check_json_error(e, 400, "InvalidAttributeValue", "com.amazonaws.sqs#InvalidAttributeValue",
                         std::string("Invalid value for the parameter ") + name + ".");
    }
    auto fifo_only =
        f.sqs.json_call("CreateQueue", {{"QueueName", "q"},
                                        {"Attributes", {{"ContentBasedDeduplication", "true"}}}});
    check_json_error(fifo_only, 400, "InvalidAttributeName",
                     "com.amazonaws.sqs#InvalidAttributeName",
                     "Unknown Attribute ContentBasedDeduplication.");
}

TEST_CASE("CreateQueue: serialization and missing parameters", "[service]") {
    sqs_fixture f;
    auto missing = f.sqs.json_call("CreateQueue", json::object());
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter QueueName.");
    auto wrong_type = f.sqs.json_call("CreateQueue", {{"QueueName", 5}});
    check_json_error(wrong_type, 400, "", "com.amazon.coral.service#SerializationException");
    auto not_json = f.sqs.raw_json("CreateQueue", "{not json");
    check_json_error(not_json, 400, "", "com.amazon.coral.service#SerializationException");
    auto array = f.sqs.raw_json("CreateQueue", "[1,2]");
    check_json_error(array, 400, "", "com.amazon.coral.service#SerializationException");
    auto q = f.sqs.query_call("CreateQueue", {});
    check_query_error(q, 400, "MissingParameter",
                      "The request must contain the parameter QueueName.");
}

TEST_CASE("CreateQueue: a RedrivePolicy must name an existing queue of the same type",
          "[service]") {
    sqs_fixture f;
    std::string policy =
        R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:missing","maxReceiveCount":3})";
    auto r = f.sqs.json_call("CreateQueue",
                             {{"QueueName", "q"}, {"Attributes", {{"RedrivePolicy", policy}}}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value " + policy +
                         " for parameter RedrivePolicy is invalid. Reason: Dead letter target "
                         "does not exist.");
    // Not an ARN: refused before any lookup.
    std::string dummy = R"({"deadLetterTargetArn": "dummy", "maxReceiveCount": 42})";
    auto d = f.sqs.json_call("CreateQueue",
                             {{"QueueName", "q"}, {"Attributes", {{"RedrivePolicy", dummy}}}});
    check_json_error(d, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value " + dummy +
                         " for parameter RedrivePolicy is invalid. Reason: Invalid value for "
                         "deadLetterTargetArn.");
    f.sqs.create_queue("dlq");
    std::string bad_count =
        R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":0})";
    auto c = f.sqs.json_call("CreateQueue",
                             {{"QueueName", "q"}, {"Attributes", {{"RedrivePolicy", bad_count}}}});
    check_json_error(c, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value " + bad_count +
                         " for parameter RedrivePolicy is invalid. Reason: Invalid value for "
                         "maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive.");
    std::string ok =
        R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":3})";
    f.sqs.create_queue("q", {{"RedrivePolicy", ok}});
}

TEST_CASE("CreateQueue: SSE-SQS by default, a KMS key switches it off", "[service]") {
    sqs_fixture f;
    auto plain = f.sqs.create_queue("sse-default");
    CHECK(f.sqs.attribute(plain, "SqsManagedSseEnabled") == "true");
    auto kms = f.sqs.create_queue("sse-kms", {{"KmsMasterKeyId", "alias/aws/sqs"}});
    auto all = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", kms}, {"AttributeNames", {"All"}}});
    CHECK(all["Attributes"]["SqsManagedSseEnabled"] == "false");
    CHECK(all["Attributes"]["KmsMasterKeyId"] == "alias/aws/sqs");
    CHECK(all["Attributes"]["KmsDataKeyReusePeriodSeconds"] == "300");
    auto both = f.sqs.json_call(
        "CreateQueue",
        {{"QueueName", "sse-both"},
         {"Attributes", {{"KmsMasterKeyId", "alias/aws/sqs"}, {"SqsManagedSseEnabled", "true"}}}});
    check_json_error(both, 400, "InvalidAttributeName", "com.amazonaws.sqs#InvalidAttributeName",
                     "You can use one type of server-side encryption (SSE) at one time. You can "
                     "either enable KMS SSE or SQS SSE.");
}
