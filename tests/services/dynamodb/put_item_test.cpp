// PutItem: item validation, key checks, conditions, ReturnValues, normalisation.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutItem: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("PutItem", {{"TableName", "things"}, {"Item", {{"pk", {{"S", 5}}}}}}),
                "SerializationException", "NUMBER_VALUE cannot be converted to String");
    check_error(f.call("PutItem", {{"TableName", "things"}, {"Item", {{"b", {{"B", "abc"}}}}}}),
                "SerializationException",
                "Base64 encoded length is expected a multiple of 4 bytes but found: 3");
}

TEST_CASE("PutItem: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    auto put = [&](const json& item) {
        return f.call("PutItem", {{"TableName", "things"}, {"Item", item}});
    };
    check_error(put({{"x", S("1")}}), "ValidationException",
                "One or more parameter values were invalid: Missing the key pk in the item");
    check_error(put({{"pk", N("1")}}), "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key pk expected: "
                "S actual: N");
    check_error(put({{"pk", S("")}}), "ValidationException",
                "One or more parameter values are not valid. The AttributeValue for a key "
                "attribute cannot contain an empty string value. Key: pk");
    check_error(put({{"pk", S("a")}, {"s", {{"SS", json::array()}}}}), "ValidationException",
                "One or more parameter values were invalid: An string set  may not be empty");
    check_error(put({{"pk", S("a")}, {"s", {{"SS", {"x", "x"}}}}}), "ValidationException",
                "One or more parameter values were invalid: Input collection [x, x] contains "
                "duplicates.");
    check_error(put({{"pk", S("a")}, {"big", S(std::string(410 * 1024, 'x'))}}),
                "ValidationException", "Item size has exceeded the maximum allowed size");
    check_error(
        f.call("PutItem",
               {{"TableName", "things"}, {"Item", {{"pk", S("a")}}}, {"ReturnValues", "ALL_NEW"}}),
        "ValidationException", "ReturnValues can only be ALL_OLD or NONE");
    check_error(f.call("PutItem", {{"TableName", "missing"}, {"Item", {{"pk", S("a")}}}}),
                "ResourceNotFoundException", "Requested resource not found");
}

TEST_CASE("PutItem: stores, replaces, returns ALL_OLD, normalises numbers", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    auto r = f.ok("PutItem", {{"TableName", "things"},
                              {"Item", {{"pk", S("a")}, {"n", N("01.50")}}},
                              {"ReturnValues", "ALL_OLD"}});
    CHECK(!r.contains("Attributes"));
    r = f.ok("PutItem", {{"TableName", "things"},
                         {"Item", {{"pk", S("a")}, {"n", N("2")}}},
                         {"ReturnValues", "ALL_OLD"},
                         {"ReturnConsumedCapacity", "TOTAL"}});
    CHECK(r["Attributes"]["n"] == N("1.5"));
    CHECK(r["ConsumedCapacity"]["TableName"] == "things");
    CHECK(r["ConsumedCapacity"]["CapacityUnits"] == 1.0);
    auto g = f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}});
    CHECK(g["Item"]["n"] == N("2"));
}

TEST_CASE("PutItem: conditions, with the old item on failure when asked", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"v", N("1")}});
    auto fail = f.call("PutItem", {{"TableName", "things"},
                                   {"Item", {{"pk", S("a")}}},
                                   {"ConditionExpression", "attribute_not_exists(pk)"},
                                   {"ReturnValuesOnConditionCheckFailure", "ALL_OLD"}});
    check_error(fail, "ConditionalCheckFailedException", "The conditional request failed");
    CHECK(fail.body["Item"]["v"] == N("1"));
    // With the Item, AWS spells the text "Message" (without it, "message").
    CHECK(fail.body["Message"] == "The conditional request failed");
    CHECK_FALSE(fail.body.contains("message"));
    f.ok("PutItem", {{"TableName", "things"},
                     {"Item", {{"pk", S("a")}, {"v", N("2")}}},
                     {"ConditionExpression", "v = :one"},
                     {"ExpressionAttributeValues", {{":one", N("1")}}}});
    auto legacy = f.call("PutItem", {{"TableName", "things"},
                                     {"Item", {{"pk", S("a")}}},
                                     {"Expected", {{"v", {{"Value", N("1")}}}}}});
    check_error(legacy, "ConditionalCheckFailedException");
    CHECK(legacy.body["message"] == "The conditional request failed");
    check_error(
        f.call("PutItem", {{"TableName", "things"},
                           {"Item", {{"pk", S("a")}}},
                           {"ConditionExpression", "v = :one"},
                           {"ExpressionAttributeValues", {{":one", N("1")}, {":two", N("2")}}}}),
        "ValidationException",
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:two}");
}

// DynamoDB validates the whole request before it looks the table up: item values, then
// ReturnValues, item size, Expected, expressions.
TEST_CASE("PutItem: the request is validated before the table is looked up", "[service]") {
    ddb_fixture f;
    auto put = [&](json body) {
        body["TableName"] = "missing";
        return f.call("PutItem", body);
    };
    check_error(put({{"Item", {{"a", json::object()}}}}), "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported "
                "datatypes");
    check_error(put({{"Item", {{"a", N("1e126")}}}}), "ValidationException",
                "Number overflow. Attempting to store a number with magnitude larger than "
                "supported range");
    check_error(put({{"Item", {{"a", json::object()}}}, {"ReturnValues", "ALL_NEW"}}),
                "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported "
                "datatypes");
    check_error(put({{"Item", {{"a", json::object()}}}, {"ConditionExpression", "a = :a"}}),
                "ValidationException",
                "Supplied AttributeValue is empty, must contain exactly one of the supported "
                "datatypes");
    check_error(put({{"Item", {{"a", S("x")}, {"b", S(std::string(400 * 1024, 'x'))}}},
                     {"Expected", {{"a", json::object()}}}}),
                "ValidationException", "Item size has exceeded the maximum allowed size");
}

TEST_CASE("PutItem: number set duplicates and empty attribute names", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    // Duplicates by value, worded without the members (unlike SS and BS).
    check_error(f.call("PutItem", {{"TableName", "things"},
                                   {"Item", {{"pk", S("a")}, {"n", {{"NS", {"1", "1.0"}}}}}}}),
                "ValidationException", "Input collection contains duplicates");
    check_error(f.call("PutItem", {{"TableName", "things"},
                                   {"Item", {{"pk", S("a")}}},
                                   {"ConditionExpression", "#a = pk"},
                                   {"ExpressionAttributeNames", {{"#a", ""}}}}),
                "ValidationException",
                "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
    // A leading '+' is a number to DynamoDB (reported from AWS; dynalite refuses it).
    f.ok("PutItem", {{"TableName", "things"},
                     {"Item", {{"pk", S("a")}, {"n", N("+5")}, {"s", {{"NS", {"+1.5", "2"}}}}}}});
    auto item = f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}})["Item"];
    CHECK(item["n"] == N("5"));
    CHECK(item["s"] == json{{"NS", {"1.5", "2"}}});
}

TEST_CASE("PutItem: key size limits", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.make_table("ranged", "S");
    check_error(
        f.call("PutItem", {{"TableName", "things"}, {"Item", {{"pk", S(std::string(2049, 'a'))}}}}),
        "ValidationException",
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum "
        "size limit of2048 bytes");
    f.put("things", {{"pk", S(std::string(2048, 'a'))}});
    check_error(f.call("PutItem", {{"TableName", "ranged"},
                                   {"Item", {{"pk", S("a")}, {"sk", S(std::string(1025, 'b'))}}}}),
                "ValidationException",
                "One or more parameter values were invalid: Aggregated size of all range keys has "
                "exceeded the size limit of 1024 bytes");
    f.put("ranged", {{"pk", S("a")}, {"sk", S(std::string(1024, 'b'))}});
    check_error(
        f.call("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S(std::string(2049, 'a'))}}}}),
        "ValidationException",
        "One or more parameter values were invalid: Size of hashkey has exceeded the "
        "maximum size limit of2048 bytes");
}

TEST_CASE("PutItem: global index key types are checked before local ones", "[service]") {
    ddb_fixture f;
    f.make_table("indexed", "S",
                 {{"AttributeDefinitions",
                   {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                    {{"AttributeName", "sk"}, {"AttributeType", "S"}},
                    {{"AttributeName", "c"}, {"AttributeType", "S"}}}},
                  {"LocalSecondaryIndexes",
                   {{{"IndexName", "local"},
                     {"KeySchema",
                      {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                       {{"AttributeName", "c"}, {"KeyType", "RANGE"}}}},
                     {"Projection", {{"ProjectionType", "ALL"}}}}}},
                  {"GlobalSecondaryIndexes",
                   {{{"IndexName", "global"},
                     {"KeySchema", {{{"AttributeName", "c"}, {"KeyType", "HASH"}}}},
                     {"Projection", {{"ProjectionType", "ALL"}}}}}}});
    check_error(f.call("PutItem", {{"TableName", "indexed"},
                                   {"Item", {{"pk", S("a")}, {"sk", S("b")}, {"c", N("1")}}}}),
                "ValidationException",
                "One or more parameter values were invalid: Type mismatch for Index Key c "
                "Expected: S Actual: N IndexName: global");
}
