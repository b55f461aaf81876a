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
    // A missing ARN is named before any constraint.
    for (const char* op : {"TagResource", "UntagResource", "ListTagsOfResource"}) {
        check_error(f.call(op, json::object()), "ValidationException", "Invalid TableArn");
    }
    check_error(f.call("ListTagsOfResource",
                       {{"ResourceArn", "arn:aws:dynamodb:us-east-1:000000000000:table/nope"}}),
                "ResourceNotFoundException",
                "Requested resource not found: ResourcArn: "
                "arn:aws:dynamodb:us-east-1:000000000000:table/nope not found");
    check_error(f.call("TagResource", {{"ResourceArn", arn}}), "ValidationException",
                "1 validation error detected: Value null at 'tags' failed to satisfy constraint: "
                "Member must not be null");
    // The ARN's form, then an empty list, then the table (the messages are DynamoDB's, typo
    // included).
    const std::string short_name = "arn:aws:dynamodb:us-east-1:000000000000:table/ab";
    check_error(f.call("TagResource", {{"ResourceArn", short_name}, {"Tags", json::array()}}),
                "ValidationException",
                "Invalid TableArn: Invalid ResourceArn provided as input " + short_name);
    check_error(f.call("TagResource", {{"ResourceArn", arn}, {"Tags", json::array()}}),
                "ValidationException", "Atleast one Tag needs to be provided as Input.");
    check_error(f.call("UntagResource", {{"ResourceArn", arn}, {"TagKeys", json::array()}}),
                "ValidationException", "Atleast one Tag Key needs to be provided as Input.");
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
