// CreateTable: validation order and messages, indexes, streams, duplicates.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

namespace {

json base_table(const std::string& name) {
    return {{"TableName", name},
            {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
            {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
            {"BillingMode", "PAY_PER_REQUEST"}};
}

} // namespace

TEST_CASE("CreateTable: wrong types are SerializationException", "[service]") {
    ddb_fixture f;
    auto body = base_table("things");
    body["BillingMode"] = 3;
    check_error(f.call("CreateTable", body), "SerializationException",
                "NUMBER_VALUE cannot be converted to String");
}

TEST_CASE("CreateTable: validation messages", "[service]") {
    ddb_fixture f;
    check_error(f.call("CreateTable", json::object()), "ValidationException",
                "The parameter 'TableName' is required but was not present in the request");
    check_error(f.call("CreateTable", {{"TableName", "ab"}}), "ValidationException",
                "TableName must be at least 3 characters long and at most 255 characters long");
    auto no_throughput = base_table("things");
    no_throughput.erase("BillingMode");
    check_error(f.call("CreateTable", no_throughput), "ValidationException",
                "One or more parameter values were invalid: ReadCapacityUnits and "
                "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    auto undefined = base_table("things");
    undefined["KeySchema"][0]["AttributeName"] = "other";
    check_error(f.call("CreateTable", undefined), "ValidationException",
                "One or more parameter values were invalid: Some index key attributes are not "
                "defined in AttributeDefinitions. Keys: [other], AttributeDefinitions: [pk]");
    auto extra = base_table("things");
    extra["AttributeDefinitions"].push_back({{"AttributeName", "x"}, {"AttributeType", "S"}});
    check_error(f.call("CreateTable", extra), "ValidationException",
                "One or more parameter values were invalid: Number of attributes in KeySchema "
                "does not exactly match number of attributes defined in AttributeDefinitions");
    auto bad_type = base_table("things");
    bad_type["AttributeDefinitions"][0]["AttributeType"] = "Q";
    check_error(f.call("CreateTable", bad_type), "ValidationException",
                "1 validation error detected: Value 'Q' at "
                "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
                "Member must satisfy enum value set: [B, N, S]");
}

TEST_CASE("CreateTable: creates, describes, refuses a duplicate", "[service]") {
    ddb_fixture f;
    auto body = base_table("things");
    body["StreamSpecification"] = {{"StreamEnabled", true}, {"StreamViewType", "NEW_IMAGE"}};
    body["Tags"] = {{{"Key", "team"}, {"Value", "a"}}};
    auto r = f.ok("CreateTable", body);
    const json& d = r["TableDescription"];
    CHECK(d["TableName"] == "things");
    CHECK(d["TableArn"] == "arn:aws:dynamodb:us-east-1:000000000000:table/things");
    CHECK(d["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST");
    CHECK(d["StreamSpecification"]["StreamViewType"] == "NEW_IMAGE");
    CHECK(d["LatestStreamArn"].get<std::string>().starts_with(
        "arn:aws:dynamodb:us-east-1:000000000000:table/things/stream/"));
    CHECK(d["ItemCount"] == 0);
    check_error(f.call("CreateTable", body), "ResourceInUseException",
                "Table already exists: things");
}

TEST_CASE("CreateTable: GSI and LSI definitions are checked and described", "[service]") {
    ddb_fixture f;
    json body{{"TableName", "indexed"},
              {"AttributeDefinitions",
               {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                {{"AttributeName", "sk"}, {"AttributeType", "S"}},
                {{"AttributeName", "g"}, {"AttributeType", "N"}}}},
              {"KeySchema",
               {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
              {"BillingMode", "PAY_PER_REQUEST"},
              {"GlobalSecondaryIndexes",
               {{{"IndexName", "by_g"},
                 {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
                 {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}},
              {"LocalSecondaryIndexes",
               {{{"IndexName", "by_g_local"},
                 {"KeySchema",
                  {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                   {{"AttributeName", "g"}, {"KeyType", "RANGE"}}}},
                 {"Projection", {{"ProjectionType", "ALL"}}}}}}};
    auto dup = body;
    dup["LocalSecondaryIndexes"][0]["IndexName"] = "by_g";
    check_error(f.call("CreateTable", dup), "ValidationException",
                "One or more parameter values were invalid: Duplicate index name: by_g");
    auto lsi_hash = body;
    lsi_hash["LocalSecondaryIndexes"][0]["KeySchema"][0]["AttributeName"] = "sk";
    lsi_hash["LocalSecondaryIndexes"][0]["KeySchema"][1]["AttributeName"] = "g";
    check_error(f.call("CreateTable", lsi_hash), "ValidationException",
                "One or more parameter values were invalid: Index KeySchema does not have the "
                "same leading hash key as table KeySchema for index: by_g_local. index hash "
                "key: sk, table hash key: pk");
    auto r = f.ok("CreateTable", body);
    const json& d = r["TableDescription"];
    CHECK(d["GlobalSecondaryIndexes"][0]["IndexName"] == "by_g");
    CHECK(d["GlobalSecondaryIndexes"][0]["IndexStatus"] == "ACTIVE");
    CHECK(d["GlobalSecondaryIndexes"][0]["Projection"]["ProjectionType"] == "KEYS_ONLY");
    CHECK(d["LocalSecondaryIndexes"][0]["IndexArn"] ==
          "arn:aws:dynamodb:us-east-1:000000000000:table/indexed/index/by_g_local");
}
