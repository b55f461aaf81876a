// awsJson1_0 handling: malformed JSON, wrong types, unknown operations, crc32, error shapes.
#include "dynamodb/dynamodb_test_support.hpp"

#include <zlib.h>

using namespace cloudbox::test;

TEST_CASE("DynamoDB protocol: every response carries x-amz-crc32 of its body", "[service]") {
    ddb_fixture f;
    auto r = f.send("ListTables", "{}");
    REQUIRE(r.status == 200);
    auto crc =
        crc32(0L, reinterpret_cast<const Bytef*>(r.body.data()), static_cast<uInt>(r.body.size()));
    CHECK(r.header("x-amz-crc32") == std::to_string(crc));
    CHECK(r.header("content-type") == "application/x-amz-json-1.0");
    auto e = f.send("DescribeTable", R"({"TableName":"missing"})");
    auto ecrc =
        crc32(0L, reinterpret_cast<const Bytef*>(e.body.data()), static_cast<uInt>(e.body.size()));
    CHECK(e.header("x-amz-crc32") == std::to_string(ecrc));
}

TEST_CASE("DynamoDB protocol: malformed JSON is a SerializationException", "[service]") {
    ddb_fixture f;
    auto r = f.send("ListTables", "{not json");
    auto j = json::parse(r.body);
    CHECK(r.status == 400);
    CHECK(j["__type"] == "com.amazon.coral.service#SerializationException");
    auto empty = f.send("ListTables", "");
    CHECK(json::parse(empty.body)["__type"] == "com.amazon.coral.service#SerializationException");
}

TEST_CASE("DynamoDB protocol: unknown operations are UnknownOperationException", "[service]") {
    ddb_fixture f;
    auto r = f.call("MakeCoffee", json::object());
    CHECK(r.status == 400);
    CHECK(r.body["__type"] == "com.amazon.coral.service#UnknownOperationException");
}

TEST_CASE("DynamoDB protocol: wrong JSON types get Coral's deserialisation messages", "[service]") {
    ddb_fixture f;
    check_error(f.call("DescribeTable", {{"TableName", 5}}), "SerializationException",
                "NUMBER_VALUE cannot be converted to String");
    check_error(f.call("DescribeTable", {{"TableName", true}}), "SerializationException",
                "TRUE_VALUE cannot be converted to String");
    check_error(f.call("DescribeTable", {{"TableName", json::array()}}), "SerializationException",
                "Unrecognized collection type class java.lang.String");
    check_error(f.call("DescribeTable", {{"TableName", json::object()}}), "SerializationException",
                "Start of structure or map found where not expected");
    check_error(f.call("ListTables", {{"Limit", "ten"}}), "SerializationException",
                "STRING_VALUE cannot be converted to Integer");
    check_error(f.call("PutItem", {{"TableName", "abc"}, {"Item", json::array()}}),
                "SerializationException",
                "Unrecognized collection type java.util.Map<java.lang.String, "
                "com.amazonaws.dynamodb.v20120810.AttributeValue>");
    check_error(f.call("PutItem", {{"TableName", "abc"}, {"Item", {{"a", 5}}}}),
                "SerializationException", "Unexpected value type in payload");
    check_error(f.call("CreateTable", {{"TableName", "abc"}, {"KeySchema", "x"}}),
                "SerializationException", "Unexpected field type");
    // A structure in a list or map is a "value", one held by a member a "field".
    check_error(f.call("PutItem", {{"TableName", "abc"}, {"Expected", {{"a", "x"}}}}),
                "SerializationException", "Unexpected value type in payload");
    check_error(f.call("PutItem", {{"TableName", "abc"}, {"Expected", {{"a", {{"Value", 5}}}}}}),
                "SerializationException", "Unexpected field type");
    check_error(f.call("BatchWriteItem", {{"RequestItems", {{"abc", {5}}}}}),
                "SerializationException", "Unexpected value type in payload");
    check_error(f.call("TagResource", {{"ResourceArn", "a"}, {"Tags", {"x"}}}),
                "SerializationException", "Unexpected value type in payload");
}

TEST_CASE("DynamoDB protocol: binary values must be canonical base64", "[service]") {
    ddb_fixture f;
    for (const std::string bad : {"=+/=", "+/+=", "AB==", "A===", "ab=c"}) {
        INFO(bad);
        check_error(f.call("PutItem", {{"TableName", "abc"}, {"Item", {{"a", {{"B", bad}}}}}}),
                    "SerializationException", "Invalid last non-pad Base64 character dectected");
    }
    check_error(f.call("PutItem", {{"TableName", "abc"}, {"Item", {{"a", {{"B", "23456"}}}}}}),
                "SerializationException",
                "Base64 encoded length is expected a multiple of 4 bytes but found: 5");
    for (const std::string good : {"AA==", "+/+/", "+/8=", "Yg=="}) {
        INFO(good);
        check_error(f.call("PutItem", {{"TableName", "abc"}, {"Item", {{"a", {{"B", good}}}}}}),
                    "ResourceNotFoundException", "Requested resource not found");
    }
}

TEST_CASE("DynamoDB protocol: constraint errors are listed like Coral lists them", "[service]") {
    ddb_fixture f;
    check_error(f.call("ListTables", {{"Limit", 0}}), "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy "
                "constraint: Member must have value greater than or equal to 1");
    check_error(f.call("GetItem", json::object()), "ValidationException",
                "2 validation errors detected: Value null at 'tableName' failed to satisfy "
                "constraint: Member must not be null; Value null at 'key' failed to satisfy "
                "constraint: Member must not be null");
    check_error(f.call("GetItem", {{"TableName", "a;"}, {"Key", {{"k", S("v")}}}}),
                "ValidationException",
                "2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy "
                "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                "Value 'a;' at 'tableName' failed to satisfy constraint: Member must have "
                "length greater than or equal to 3");
    // DynamoDB's member and enum orders, not botocore's (as dynalite's tests recorded them).
    check_error(f.call("PutItem", {{"TableName", "abc;"},
                                   {"ReturnConsumedCapacity", "hi"},
                                   {"ReturnItemCollectionMetrics", "hi"},
                                   {"ReturnValues", "hi"}}),
                "ValidationException",
                "5 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to "
                "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy "
                "regular expression pattern: [a-zA-Z0-9_.-]+; Value null at 'item' failed to "
                "satisfy constraint: Member must not be null; Value 'hi' at 'returnValues' "
                "failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, "
                "UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; Value 'hi' at "
                "'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy "
                "enum value set: [SIZE, NONE]");
    check_error(f.call("ListTables", {{"ExclusiveStartTableName", "a;"}, {"Limit", 101}}),
                "ValidationException",
                "3 validation errors detected: Value '101' at 'limit' failed to satisfy "
                "constraint: Member must have value less than or equal to 100; Value 'a;' at "
                "'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy "
                "regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at "
                "'exclusiveStartTableName' failed to satisfy constraint: Member must have length "
                "greater than or equal to 3");
    auto r = f.call("ListTables", {{"Limit", 0}});
    CHECK(r.body["__type"] == "com.amazon.coral.validate#ValidationException");
}

TEST_CASE("DynamoDB protocol: DynamoDB Streams shares the server", "[service]") {
    ddb_fixture f;
    auto r = f.call("NoSuchThing", json::object(), "DynamoDBStreams_20120810");
    CHECK(r.body["__type"] == "com.amazon.coral.service#UnknownOperationException");
}
