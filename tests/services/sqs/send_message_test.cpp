// SendMessage: MD5s of body and attributes, sizes, invalid characters, delays, FIFO rules.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SendMessage: answers the MD5 of the body and AWS's MD5 of the attributes", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto out = f.sqs.send(url, "hello",
                          {{"MessageAttributes",
                            {{"color", {{"DataType", "String"}, {"StringValue", "blue"}}},
                             {"count", {{"DataType", "Number"}, {"StringValue", "3"}}},
                             {"raw", {{"DataType", "Binary"}, {"BinaryValue", "AAEC"}}}}}});
    CHECK(out["MD5OfMessageBody"] == "5d41402abc4b2a76b9719d911017c592");
    // Computed independently (length-prefixed names, types, transport byte, values).
    CHECK(out["MD5OfMessageAttributes"] == "8b6dce610f1b6c9058f22c02f5a68e0c");
    CHECK(out["MessageId"].get<std::string>().size() == 36);
    CHECK(!out.contains("SequenceNumber"));
}

TEST_CASE("SendMessage: query protocol, and the queue URL as the request path", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto r = f.sqs.query_call("SendMessage", {{"QueueUrl", url},
                                              {"MessageBody", "hello"},
                                              {"MessageAttribute.1.Name", "color"},
                                              {"MessageAttribute.1.Value.DataType", "String"},
                                              {"MessageAttribute.1.Value.StringValue", "blue"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(xml_root(r.body) == "SendMessageResponse");
    CHECK(xml_find(r.body, "MD5OfMessageBody") == "5d41402abc4b2a76b9719d911017c592");
    CHECK(xml_find(r.body, "MD5OfMessageAttributes") == "da1b33cc3cbfe8b1630921e78e6b9880");
    auto by_path = f.sqs.query_call("SendMessage", {{"MessageBody", "two"}}, "/000000000000/q");
    INFO(by_path.body);
    CHECK(by_path.status == 200);
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessages") == "2");
}

TEST_CASE("SendMessage: any host in QueueUrl names the same queue", "[service]") {
    sqs_fixture f;
    f.sqs.create_queue("q");
    f.sqs.send("http://sqs.us-east-1.amazonaws.com/000000000000/q", "a");
    f.sqs.send("https://elsewhere:9/000000000000/q", "b");
    CHECK(f.sqs.attribute("http://x/000000000000/q", "ApproximateNumberOfMessages") == "2");
    auto r = f.sqs.json_call("SendMessage",
                             {{"QueueUrl", "http://x/000000000000/nope"}, {"MessageBody", "a"}});
    check_json_error(r, 400, "AWS.SimpleQueueService.NonExistentQueue",
                     "com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.");
    auto q = f.sqs.query_call("SendMessage",
                              {{"QueueUrl", "http://x/000000000000/nope"}, {"MessageBody", "a"}});
    check_query_error(q, 400, "AWS.SimpleQueueService.NonExistentQueue",
                      "The specified queue does not exist for this wsdl version.");
}

TEST_CASE("SendMessage: size limit follows MaximumMessageSize (1 MiB by default)", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, std::string(1048576, 'a'));
    auto r = f.sqs.json_call("SendMessage",
                             {{"QueueUrl", url}, {"MessageBody", std::string(1048577, 'a')}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "One or more parameters are invalid. Reason: Message must be shorter than "
                     "1048576 bytes.");
    auto small = f.sqs.create_queue("small", {{"MaximumMessageSize", "1024"}});
    f.sqs.send(small, std::string(1024, 'a'));
    auto q = f.sqs.query_call("SendMessage",
                              {{"QueueUrl", small}, {"MessageBody", std::string(1025, 'a')}});
    check_query_error(q, 400, "InvalidParameterValue",
                      "One or more parameters are invalid. Reason: Message must be shorter than "
                      "1024 bytes.");
}

TEST_CASE("SendMessage: characters outside XML 1.0 are InvalidMessageContents", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto r = f.sqs.json_call("SendMessage", {{"QueueUrl", url}, {"MessageBody", "a\x01z"}});
    check_json_error(r, 400, "InvalidMessageContents", "com.amazonaws.sqs#InvalidMessageContents",
                     "Invalid binary character '#x1' was found in the message body, the set of "
                     "allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | "
                     "#x10000 to #x10FFFF");
    f.sqs.send(url, "tab\tnewline\ncr\r emoji \xF0\x9F\x98\x80");
    auto empty = f.sqs.json_call("SendMessage", {{"QueueUrl", url}, {"MessageBody", ""}});
    check_json_error(empty, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter MessageBody.");
}

TEST_CASE("SendMessage: DelaySeconds hides the message until the clock passes it", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "later", {{"DelaySeconds", 10}});
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessagesDelayed") == "1");
    CHECK(f.sqs.receive(url).empty());
    f.advance(10);
    CHECK(f.sqs.receive(url).size() == 1);
    auto r = f.sqs.json_call("SendMessage",
                             {{"QueueUrl", url}, {"MessageBody", "x"}, {"DelaySeconds", 901}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must "
                     "be >= 0 and <= 900.");
    auto t = f.sqs.json_call("SendMessage",
                             {{"QueueUrl", url}, {"MessageBody", "x"}, {"DelaySeconds", "5"}});
    check_json_error(t, 400, "", "com.amazon.coral.service#SerializationException");
}

TEST_CASE("SendMessage: message attribute validation", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto no_type =
        f.sqs.json_call("SendMessage", {{"QueueUrl", url},
                                        {"MessageBody", "x"},
                                        {"MessageAttributes", {{"a", {{"StringValue", "v"}}}}}});
    check_json_error(no_type, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "The message attribute 'a' must contain non-empty message attribute type.");
    auto bad_number = f.sqs.json_call(
        "SendMessage",
        {{"QueueUrl", url},
         {"MessageBody", "x"},
         {"MessageAttributes", {{"n", {{"DataType", "Number"}, {"StringValue", "abc"}}}}}});
    check_json_error(bad_number, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Can't cast the value of message (user) attribute 'n' to a number.");
    auto reserved = f.sqs.json_call(
        "SendMessage", {{"QueueUrl", url},
                        {"MessageBody", "x"},
                        {"MessageAttributes",
                         {{"AWS.reserved", {{"DataType", "String"}, {"StringValue", "v"}}}}}});
    check_json_error(reserved, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Message (user) attribute name 'AWS.reserved' is invalid.");
    auto empty_value = f.sqs.json_call(
        "SendMessage",
        {{"QueueUrl", url},
         {"MessageBody", "x"},
         {"MessageAttributes", {{"ErrorDetails", {{"DataType", "String"}, {"StringValue", ""}}}}}});
    check_json_error(empty_value, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Message (user) attribute 'ErrorDetails' must contain a non-empty value of "
                     "type 'String'.");
    json eleven = json::object();
    for (int i = 0; i < 11; ++i) {
        eleven["a" + std::to_string(i)] = {{"DataType", "String"}, {"StringValue", "v"}};
    }
    auto too_many = f.sqs.json_call(
        "SendMessage", {{"QueueUrl", url}, {"MessageBody", "x"}, {"MessageAttributes", eleven}});
    check_json_error(too_many, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Number of message attributes [11] exceeds the allowed maximum [10].");
}

TEST_CASE("SendMessage: FIFO needs a group id and a deduplication id", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q.fifo", {{"FifoQueue", "true"}});
    auto no_group = f.sqs.json_call("SendMessage", {{"QueueUrl", url}, {"MessageBody", "x"}});
    check_json_error(no_group, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter MessageGroupId.");
    auto no_dedup = f.sqs.json_call(
        "SendMessage", {{"QueueUrl", url}, {"MessageBody", "x"}, {"MessageGroupId", "g"}});
    check_json_error(no_dedup, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "The queue should either have ContentBasedDeduplication enabled or "
                     "MessageDeduplicationId provided explicitly");
    auto delay = f.sqs.json_call("SendMessage", {{"QueueUrl", url},
                                                 {"MessageBody", "x"},
                                                 {"MessageGroupId", "g"},
                                                 {"MessageDeduplicationId", "d"},
                                                 {"DelaySeconds", 5}});
    check_json_error(delay, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value 5 for parameter DelaySeconds is invalid. Reason: The request include "
                     "parameter that is not valid for this queue type.");
    auto standard = f.sqs.create_queue("std");
    auto dedup_on_standard = f.sqs.json_call(
        "SendMessage",
        {{"QueueUrl", standard}, {"MessageBody", "x"}, {"MessageDeduplicationId", "d"}});
    check_json_error(dedup_on_standard, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException");
}

TEST_CASE("SendMessage: FIFO deduplicates for 5 minutes and numbers messages", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q.fifo", {{"FifoQueue", "true"}});
    json extra{{"MessageGroupId", "g"}, {"MessageDeduplicationId", "d1"}};
    auto first = f.sqs.send(url, "one", extra);
    auto again = f.sqs.send(url, "one again", extra);
    CHECK(again["MessageId"] == first["MessageId"]);
    CHECK(again["SequenceNumber"] == first["SequenceNumber"]);
    CHECK(first["SequenceNumber"].get<std::string>().size() == 20);
    CHECK(f.sqs.attribute(url, "ApproximateNumberOfMessages") == "1");
    f.advance(301);
    auto later = f.sqs.send(url, "one", extra);
    CHECK(later["MessageId"] != first["MessageId"]);
    CHECK(later["SequenceNumber"].get<std::string>() > first["SequenceNumber"].get<std::string>());
    // ContentBasedDeduplication: the body's SHA-256 is the id.
    auto cbd = f.sqs.create_queue("c.fifo",
                                  {{"FifoQueue", "true"}, {"ContentBasedDeduplication", "true"}});
    auto a = f.sqs.send(cbd, "same", {{"MessageGroupId", "g"}});
    auto b = f.sqs.send(cbd, "same", {{"MessageGroupId", "h"}});
    CHECK(a["MessageId"] == b["MessageId"]);
    CHECK(f.sqs.attribute(cbd, "ApproximateNumberOfMessages") == "1");
}
