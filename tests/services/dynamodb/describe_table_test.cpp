// DescribeTable: ACTIVE, live counts and sizes.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DescribeTable: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("DescribeTable", {{"TableName", 1.5}}), "SerializationException",
                "DECIMAL_VALUE cannot be converted to String");
}

TEST_CASE("DescribeTable: validation errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("DescribeTable", json::object()), "ValidationException",
                "The parameter 'TableName' is required but was not present in the request");
    check_error(f.call("DescribeTable", {{"TableName", "missing"}}), "ResourceNotFoundException",
                "Requested resource not found: Table: missing not found");
}

TEST_CASE("DescribeTable: ACTIVE with item count and size", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("ab")}, {"v", S("xyz")}});
    auto d = f.ok("DescribeTable", {{"TableName", "things"}})["Table"];
    CHECK(d["TableStatus"] == "ACTIVE");
    CHECK(d["ItemCount"] == 1);
    CHECK(d["TableSizeBytes"] == 8); // "pk" + "ab" + "v" + "xyz"
    CHECK(d["DeletionProtectionEnabled"] == false);
}

TEST_CASE("DescribeTable: WarmThroughput is the provisioned capacity or the on-demand default",
          "[service]") {
    ddb_fixture f;
    f.ok("CreateTable",
         {{"TableName", "things"},
          {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
          {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
          {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 3}}}});
    auto d = f.ok("DescribeTable", {{"TableName", "things"}})["Table"];
    CHECK(d["WarmThroughput"] ==
          json{{"ReadUnitsPerSecond", 5}, {"WriteUnitsPerSecond", 3}, {"Status", "ACTIVE"}});
    f.ok("CreateTable", {{"TableName", "ondemand"},
                         {"BillingMode", "PAY_PER_REQUEST"},
                         {"AttributeDefinitions",
                          {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                           {{"AttributeName", "g"}, {"AttributeType", "S"}}}},
                         {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                         {"GlobalSecondaryIndexes",
                          {{{"IndexName", "byG"},
                            {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
                            {"Projection", {{"ProjectionType", "ALL"}}}}}}});
    d = f.ok("DescribeTable", {{"TableName", "ondemand"}})["Table"];
    json on_demand{
        {"ReadUnitsPerSecond", 12000}, {"WriteUnitsPerSecond", 4000}, {"Status", "ACTIVE"}};
    CHECK(d["WarmThroughput"] == on_demand);
    CHECK(d["GlobalSecondaryIndexes"][0]["WarmThroughput"] == on_demand);
}
