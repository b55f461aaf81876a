// DeleteItem: key checks, conditions, ALL_OLD.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteItem: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("DeleteItem", {{"TableName", "things"}, {"Key", json::array()}}),
                "SerializationException",
                "Unrecognized collection type java.util.Map<java.lang.String, "
                "com.amazonaws.dynamodb.v20120810.AttributeValue>");
}

TEST_CASE("DeleteItem: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("DeleteItem", {{"TableName", "things"}, {"Key", {{"other", S("a")}}}}),
                "ValidationException", "The provided key element does not match the schema");
    check_error(
        f.call("DeleteItem",
               {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"ReturnValues", "ALL_NEW"}}),
        "ValidationException", "ReturnValues can only be ALL_OLD or NONE");
}

TEST_CASE("DeleteItem: deletes under a condition and returns the old item", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"v", N("1")}});
    check_error(f.call("DeleteItem", {{"TableName", "things"},
                                      {"Key", {{"pk", S("a")}}},
                                      {"ConditionExpression", "v = :two"},
                                      {"ExpressionAttributeValues", {{":two", N("2")}}}}),
                "ConditionalCheckFailedException", "The conditional request failed");
    auto r =
        f.ok("DeleteItem",
             {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"ReturnValues", "ALL_OLD"}});
    CHECK(r["Attributes"]["v"] == N("1"));
    auto again =
        f.ok("DeleteItem",
             {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"ReturnValues", "ALL_OLD"}});
    CHECK(!again.contains("Attributes"));
    auto g = f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}});
    CHECK(!g.contains("Item"));
}

TEST_CASE("DeleteItem: key values are validated before the table is looked up", "[service]") {
    ddb_fixture f;
    check_error(f.call("DeleteItem", {{"TableName", "missing"}, {"Key", {{"a", json::object()}}}}),
                "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported "
                "datatypes");
    check_error(f.call("DeleteItem", {{"TableName", "missing"}, {"Key", {{"a", N("b")}}}}),
                "ValidationException", "The parameter cannot be converted to a numeric value: b");
}
