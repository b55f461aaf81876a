// TagResource / UntagResource / ListTagsOfResource.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

namespace {
const std::string arn = "arn:aws:dynamodb:us-east-1:000000000000:table/things";
}

TEST_CASE("Tags: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("TagResource", {{"ResourceArn", arn}, {"Tags", {{"k", "v"}}}}),
                "SerializationException", "Start of structure or map found where not expected");
}

TEST_CASE("Tags: validation errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("ListTagsOfResource",
                       {{"ResourceArn", "arn:aws:dynamodb:us-east-1:000000000000:table/nope"}}),
                "ResourceNotFoundException",
                "Requested resource not found: ResourcArn: "
                "arn:aws:dynamodb:us-east-1:000000000000:table/nope not found");
    check_error(f.call("TagResource", {{"ResourceArn", arn}}), "ValidationException",
                "1 validation error detected: Value null at 'tags' failed to satisfy constraint: "
                "Member must not be null");
}

TEST_CASE("Tags: add, replace, remove, list", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.ok("TagResource",
         {{"ResourceArn", arn},
          {"Tags", {{{"Key", "a"}, {"Value", "1"}}, {{"Key", "b"}, {"Value", "2"}}}}});
    f.ok("TagResource", {{"ResourceArn", arn}, {"Tags", {{{"Key", "a"}, {"Value", "3"}}}}});
    f.ok("UntagResource", {{"ResourceArn", arn}, {"TagKeys", {"b"}}});
    auto r = f.ok("ListTagsOfResource", {{"ResourceArn", arn}});
    CHECK(r["Tags"] == json{{{"Key", "a"}, {"Value", "3"}}});
}
