// BatchGetItem: limits, duplicates, per-table projections.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("BatchGetItem: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("BatchGetItem", {{"RequestItems", {{"things", {{"Keys", "x"}}}}}}),
                "SerializationException", "Unexpected field type");
}

TEST_CASE("BatchGetItem: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.make_table("others");
    json keys = json::array();
    for (int i = 0; i < 51; ++i) {
        keys.push_back({{"pk", S(std::to_string(i))}});
    }
    // Each table's list is at most 100 (a model constraint); the whole call at most 100.
    check_error(
        f.call("BatchGetItem",
               {{"RequestItems", {{"things", {{"Keys", keys}}}, {"others", {{"Keys", keys}}}}}}),
        "ValidationException", "Too many items requested for the BatchGetItem call");
    check_error(
        f.call("BatchGetItem",
               {{"RequestItems", {{"things", {{"Keys", {{{"pk", S("a")}}, {{"pk", S("a")}}}}}}}}}),
        "ValidationException", "Provided list of item keys contains duplicates");
    check_error(
        f.call("BatchGetItem", {{"RequestItems", {{"missing", {{"Keys", {{{"pk", S("a")}}}}}}}}}),
        "ResourceNotFoundException", "Requested resource not found");
}

TEST_CASE("BatchGetItem: table names and key lists are checked before the tables", "[service]") {
    ddb_fixture f;
    check_error(f.call("BatchGetItem", {{"RequestItems", {{"a", {{"Keys", json::array()}}}}}}),
                "ValidationException",
                "2 validation errors detected: Value '{\"a\":{\"Keys\":[]}}' at 'requestItems' "
                "failed to satisfy constraint: Map keys must satisfy constraint: [Member must have "
                "length less than or equal to 255, Member must have length greater than or equal "
                "to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]; Value "
                "'[]' at 'requestItems.a.member.keys' failed to satisfy constraint: Member must "
                "have length greater than or equal to 1");
}

TEST_CASE("BatchGetItem: returns the found items", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"v", N("1")}});
    f.put("things", {{"pk", S("b")}, {"v", N("2")}});
    auto r =
        f.ok("BatchGetItem", {{"RequestItems",
                               {{"things",
                                 {{"Keys", {{{"pk", S("a")}}, {{"pk", S("b")}}, {{"pk", S("c")}}}},
                                  {"ProjectionExpression", "v"}}}}}});
    CHECK(r["Responses"]["things"].size() == 2);
    CHECK(r["Responses"]["things"][0] == json{{"v", N("1")}});
    CHECK(r["UnprocessedKeys"] == json::object());
}

TEST_CASE("BatchGetItem: keys are validated before tables are looked up", "[service]") {
    ddb_fixture f;
    check_error(
        f.call("BatchGetItem",
               {{"RequestItems", {{"missing", {{"Keys", {{{"a", S("x")}}, {{"a", S("x")}}}}}}}}}),
        "ValidationException", "Provided list of item keys contains duplicates");
    check_error(f.call("BatchGetItem",
                       {{"RequestItems", {{"missing", {{"Keys", {{{"a", json::object()}}}}}}}}}),
                "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported "
                "datatypes");
}
