// RemovePermission: drops the labelled statement; unknown labels refused.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("RemovePermission: removes the statement and then the Policy", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.ok("AddPermission", {{"QueueUrl", url},
                               {"Label", "share"},
                               {"AWSAccountIds", {"111122223333"}},
                               {"Actions", {"SendMessage"}}});
    auto q = f.sqs.query_call("RemovePermission", {{"QueueUrl", url}, {"Label", "share"}});
    CHECK(q.status == 200);
    auto all = f.sqs.ok("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"All"}}});
    CHECK(!all["Attributes"].contains("Policy"));
    auto r = f.sqs.json_call("RemovePermission", {{"QueueUrl", url}, {"Label", "share"}});
    check_json_error(r, 400, "InvalidParameterValue",
                     "com.amazonaws.sqs#InvalidParameterValueException",
                     "Value share for parameter Label is invalid. Reason: can't find label on "
                     "existing policy.");
    auto missing = f.sqs.json_call("RemovePermission", {{"QueueUrl", url}});
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter Label.");
}
