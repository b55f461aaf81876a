// GetItem: key checks, projections, missing items.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetItem: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("GetItem", {{"TableName", "things"}, {"Key", "pk"}}),
                "SerializationException", "Unexpected field type");
    check_error(f.call("GetItem",
                       {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"ConsistentRead", 3}}),
                "SerializationException", "NUMBER_VALUE cannot be converted to Boolean");
}

TEST_CASE("GetItem: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things", "N");
    check_error(f.call("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}}),
                "ValidationException", "The provided key element does not match the schema");
    check_error(
        f.call("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}, {"sk", S("1")}}}}),
        "ValidationException", "The provided key element does not match the schema");
    check_error(f.call("GetItem", {{"TableName", "things"},
                                   {"Key", {{"pk", S("a")}, {"sk", N("1")}}},
                                   {"ProjectionExpression", "#x"}}),
                "ValidationException",
                "Invalid ProjectionExpression: An expression attribute name used in the document "
                "path is not defined; attribute name: #x");
}

TEST_CASE("GetItem: returns the item, projected, or nothing", "[service]") {
    ddb_fixture f;
    f.make_table("things", "N");
    f.put("things",
          {{"pk", S("a")}, {"sk", N("1")}, {"m", {{"M", {{"x", S("1")}, {"y", S("2")}}}}}});
    auto r = f.ok("GetItem", {{"TableName", "things"},
                              {"Key", {{"pk", S("a")}, {"sk", N("1.0")}}},
                              {"ProjectionExpression", "m.#y"},
                              {"ExpressionAttributeNames", {{"#y", "y"}}}});
    CHECK(r["Item"] == json{{"m", {{"M", {{"y", S("2")}}}}}});
    auto none =
        f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("b")}, {"sk", N("1")}}}});
    CHECK(!none.contains("Item"));
    auto legacy = f.ok("GetItem", {{"TableName", "things"},
                                   {"Key", {{"pk", S("a")}, {"sk", N("1")}}},
                                   {"AttributesToGet", {"sk"}}});
    CHECK(legacy["Item"] == json{{"sk", N("1")}});
}
