// BatchWriteItem: limits, duplicates, puts and deletes in one transaction.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("BatchWriteItem: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("BatchWriteItem", {{"RequestItems", {{"things", "x"}}}}),
                "SerializationException", "Unexpected field type");
}

TEST_CASE("BatchWriteItem: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    json writes = json::array();
    for (int i = 0; i < 26; ++i) {
        writes.push_back({{"PutRequest", {{"Item", {{"pk", S(std::to_string(i))}}}}}});
    }
    auto many = f.call("BatchWriteItem", {{"RequestItems", {{"things", writes}}}});
    check_error(many, "ValidationException");
    CHECK(many.body["message"].get<std::string>().find(
              "Member must have length less than or equal to 25") != std::string::npos);
    check_error(
        f.call("BatchWriteItem", {{"RequestItems",
                                   {{"things",
                                     {{{"PutRequest", {{"Item", {{"pk", S("a")}}}}}},
                                      {{"DeleteRequest", {{"Key", {{"pk", S("a")}}}}}}}}}}}),
        "ValidationException", "Provided list of item keys contains duplicates");
    // Nothing of a refused batch is written.
    check_error(f.call("BatchWriteItem", {{"RequestItems",
                                           {{"things",
                                             {{{"PutRequest", {{"Item", {{"pk", S("ok")}}}}}},
                                              {{"PutRequest", {{"Item", {{"pk", N("1")}}}}}}}}}}}),
                "ValidationException");
    auto g = f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("ok")}}}});
    CHECK(!g.contains("Item"));
}

TEST_CASE("BatchWriteItem: a map's keys and values are checked as a whole", "[service]") {
    ddb_fixture f;
    const std::string values = "Map value must satisfy constraint: [Member must have length less "
                               "than or equal to 25, Member must have length greater than or "
                               "equal to 1]";
    const std::string keys = "Map keys must satisfy constraint: [Member must have length less "
                             "than or equal to 255, Member must have length greater than or "
                             "equal to 3, Member must satisfy regular expression pattern: "
                             "[a-zA-Z0-9_.-]+]";
    check_error(f.call("BatchWriteItem", {{"RequestItems", {{"abc", json::array()}}}}),
                "ValidationException",
                "1 validation error detected: Value '{\"abc\":[]}' at 'requestItems' failed to "
                "satisfy constraint: " +
                    values);
    check_error(
        f.call("BatchWriteItem",
               {{"RequestItems", {{"a", json::array()}}}, {"ReturnConsumedCapacity", "hi"}}),
        "ValidationException",
        "3 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy "
        "constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value "
        "'{\"a\":[]}' at 'requestItems' failed to satisfy constraint: " +
            keys +
            "; Value '{\"a\":[]}' at 'requestItems' failed to satisfy constraint: " + values);
    // The requests inside each table's list are checked too.
    check_error(
        f.call("BatchWriteItem", {{"RequestItems", {{"abc", {{{"PutRequest", json::object()}}}}}}}),
        "ValidationException",
        "1 validation error detected: Value null at "
        "'requestItems.abc.member.1.member.putRequest.item' failed to satisfy "
        "constraint: Member must not be null");
}

TEST_CASE("BatchWriteItem: puts and deletes", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("old")}});
    auto r = f.ok("BatchWriteItem", {{"RequestItems",
                                      {{"things",
                                        {{{"PutRequest", {{"Item", {{"pk", S("a")}}}}}},
                                         {{"PutRequest", {{"Item", {{"pk", S("b")}}}}}},
                                         {{"DeleteRequest", {{"Key", {{"pk", S("old")}}}}}}}}}}});
    CHECK(r["UnprocessedItems"] == json::object());
    auto scan = f.ok("Scan", {{"TableName", "things"}});
    CHECK(scan["Count"] == 2);
}

TEST_CASE("BatchWriteItem: values are validated before tables are looked up", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("BatchWriteItem",
                       {{"RequestItems",
                         {{"missing", {{{"PutRequest", {{"Item", {{"a", json::object()}}}}}}}}}}}),
                "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported "
                "datatypes");
    check_error(
        f.call("BatchWriteItem",
               {{"RequestItems",
                 {{"missing",
                   {{{"PutRequest",
                      {{"Item", {{"a", S("x")}, {"b", S(std::string(400 * 1024, 'x'))}}}}}}}}}}}),
        "ValidationException", "Item size has exceeded the maximum allowed size");
    // A put's missing or mistyped key is worded as a Key's.
    check_error(
        f.call("BatchWriteItem",
               {{"RequestItems", {{"things", {{{"PutRequest", {{"Item", {{"x", S("a")}}}}}}}}}}}),
        "ValidationException", "The provided key element does not match the schema");
    check_error(
        f.call("BatchWriteItem",
               {{"RequestItems", {{"things", {{{"PutRequest", {{"Item", {{"pk", N("1")}}}}}}}}}}}),
        "ValidationException", "The provided key element does not match the schema");
}
