// ListQueueTags: tags in both protocols; NonExistentQueue.
#include "sqs/sqs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListQueueTags: renders tags as Tag/Key/Value in the query protocol", "[service]") {
    sqs_fixture f;
    auto url = f.sqs.create_queue("q");
    f.sqs.ok("TagQueue", {{"QueueUrl", url}, {"Tags", {{"team", "blue"}}}});
    auto r = f.sqs.query_call("ListQueueTags", {{"QueueUrl", url}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto doc = protocol::parse_xml(r.body);
    REQUIRE(doc);
    auto* tag = doc->child("ListQueueTagsResult")->child("Tag");
    REQUIRE(tag);
    CHECK(tag->child_text("Key") == "team");
    CHECK(tag->child_text("Value") == "blue");
    auto missing = f.sqs.json_call("ListQueueTags", {{"QueueUrl", "http://h/000000000000/none"}});
    check_json_error(missing, 400, "AWS.SimpleQueueService.NonExistentQueue",
                     "com.amazonaws.sqs#QueueDoesNotExist");
}
