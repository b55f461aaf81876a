// SetQueueAttributes: updates, Policy and RedrivePolicy, removal, FIFO-only errors.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SetQueueAttributes: sets, and an empty policy removes it", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.create_queue("dlq");
    std::string policy = R"({"Version":"2012-10-17","Statement":[]})";
    std::string redrive =
        R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":5})";
    std::string allow = R"({"redrivePermission":"allowAll"})";
    f.sqs.ok("SetQueueAttributes", {{"QueueUrl", url},
                                    {"Attributes",
                                     {{"VisibilityTimeout", "99"},
                                      {"Policy", policy},
                                      {"RedrivePolicy", redrive},
                                      {"RedriveAllowPolicy", allow}}}});
    CHECK(f.sqs.attribute(url, "VisibilityTimeout") == "99");
    CHECK(f.sqs.attribute(url, "Policy") == policy);
    CHECK(f.sqs.attribute(url, "RedrivePolicy") == redrive);
    CHECK(f.sqs.attribute(url, "RedriveAllowPolicy") == allow);
    f.sqs.ok("SetQueueAttributes", {{"QueueUrl", url}, {"Attributes", {{"Policy", ""}}}});
    auto all = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"All"}}});
    CHECK(!all["Attributes"].contains("Policy"));
    auto q = f.sqs.query_call(
        "SetQueueAttributes",
        {{"QueueUrl", url}, {"Attribute.1.Name", "DelaySeconds"}, {"Attribute.1.Value", "7"}});
    CHECK(q.status == 200);
    CHECK(f.sqs.attribute(url, "DelaySeconds") == "7");
}

TEST_CASE("SetQueueAttributes: errors", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    auto bad = f.sqs.json_call("SetQueueAttributes",
                               {{"QueueUrl", url}, {"Attributes", {{"DelaySeconds", "-1"}}}});
    check_json_error(bad, 400, "InvalidAttributeValue", "com.amazonaws.sqs#InvalidAttributeValue",
                     "Invalid value for the parameter DelaySeconds.");
    auto fifo_only = f.sqs.json_call(
        "SetQueueAttributes",
        {{"QueueUrl", url}, {"Attributes", {{"ContentBasedDeduplication", "true"}}}});
    check_json_error(fifo_only, 400, "InvalidAttributeName",
                     "com.amazonaws.sqs#InvalidAttributeName",
                     "Unknown Attribute ContentBasedDeduplication.");
    auto fifo = f.sqs.create_queue("f.fifo", {{"FifoQueue", "true"}});
    auto change_type = f.sqs.json_call(
        "SetQueueAttributes", {{"QueueUrl", fifo}, {"Attributes", {{"FifoQueue", "false"}}}});
    check_json_error(change_type, 400, "InvalidAttributeValue",
                     "com.amazonaws.sqs#InvalidAttributeValue",
                     "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is "
                     "not supported.");
    auto missing = f.sqs.json_call("SetQueueAttributes", {{"QueueUrl", url}});
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter Attributes.");
}

TEST_CASE("SetQueueAttributes: switching between SSE-SQS and SSE-KMS", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("sse-switch");
    f.sqs.ok("SetQueueAttributes",
             {{"QueueUrl", url}, {"Attributes", {{"KmsMasterKeyId", "alias/aws/sqs"}}}});
    auto all = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"All"}}});
    CHECK(all["Attributes"]["SqsManagedSseEnabled"] == "false");
    CHECK(all["Attributes"]["KmsDataKeyReusePeriodSeconds"] == "300");
    f.sqs.ok("SetQueueAttributes",
             {{"QueueUrl", url}, {"Attributes", {{"SqsManagedSseEnabled", "true"}}}});
    all = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"All"}}});
    CHECK(all["Attributes"]["SqsManagedSseEnabled"] == "true");
    CHECK(!all["Attributes"].contains("KmsMasterKeyId"));
    CHECK(!all["Attributes"].contains("KmsDataKeyReusePeriodSeconds"));
    auto both = f.sqs.json_call(
        "SetQueueAttributes",
        {{"QueueUrl", url},
         {"Attributes", {{"KmsMasterKeyId", "alias/aws/sqs"}, {"SqsManagedSseEnabled", "true"}}}});
    check_json_error(both, 400, "InvalidAttributeName", "com.amazonaws.sqs#InvalidAttributeName",
                     "You can use one type of server-side encryption (SSE) at one time. You can "
                     "either enable KMS SSE or SQS SSE.");
}
