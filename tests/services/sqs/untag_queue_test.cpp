// UntagQueue: removes tags by key.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UntagQueue: removes the named keys, ignores unknown ones", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.ok("TagQueue", {{"QueueUrl", url}, {"Tags", {{"a", "1"}, {"b", "2"}}}});
    f.sqs.ok("UntagQueue", {{"QueueUrl", url}, {"TagKeys", {"a", "zzz"}}});
    CHECK(f.sqs.ok("ListQueueTags", {{"QueueUrl", url}})["Tags"] == json({{"b", "2"}}));
    auto q = f.sqs.query_call("UntagQueue", {{"QueueUrl", url}, {"TagKey.1", "b"}});
    CHECK(q.status == 200);
    CHECK(!f.sqs.ok("ListQueueTags", {{"QueueUrl", url}}).contains("Tags"));
    auto missing = f.sqs.json_call("UntagQueue", {{"QueueUrl", url}});
    check_json_error(missing, 400, "MissingParameter",
                     "com.amazonaws.sqs#MissingRequiredParameterException",
                     "The request must contain the parameter TagKeys.");
}
