// GetQueueUrl: by name and owner account; NonExistentQueue.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetQueueUrl: finds a queue by name, NonExistentQueue otherwise", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    CHECK(f.sqs.ok("GetQueueUrl", {{"QueueName", "q"}})["QueueUrl"] == url);
    CHECK(f.sqs.ok("GetQueueUrl", {{"QueueName", "q"},
                                   {"QueueOwnerAWSAccountId", "000000000000"}})["QueueUrl"] == url);
    auto r = f.sqs.json_call("GetQueueUrl", {{"QueueName", "nope"}});
    check_json_error(r, 400, "AWS.SimpleQueueService.NonExistentQueue",
                     "com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.");
    // The query API keeps the WSDL-era wording; JSON drops it.
    auto q = f.sqs.query_call("GetQueueUrl", {{"QueueName", "nope"}});
    check_query_error(q, 400, "AWS.SimpleQueueService.NonExistentQueue",
                      "The specified queue does not exist for this wsdl version.");
    auto missing = f.sqs.json_call("GetQueueUrl", json::object());
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter QueueName.");
}
