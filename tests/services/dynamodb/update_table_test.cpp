// UpdateTable: GSI create (backfilled) and delete, streams, billing, deletion protection.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UpdateTable: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("UpdateTable", {{"TableName", "things"}, {"DeletionProtectionEnabled", 2}}),
                "SerializationException", "NUMBER_VALUE cannot be converted to Boolean");
}

TEST_CASE("UpdateTable: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(
        f.call("UpdateTable", {{"TableName", "missing"}, {"BillingMode", "PAY_PER_REQUEST"}}),
        "ResourceNotFoundException", "Requested resource not found: Table: missing not found");
    check_error(f.call("UpdateTable", {{"TableName", "things"},
                                       {"StreamSpecification", {{"StreamEnabled", false}}}}),
                "ValidationException", "Table already has no stream enabled: TableName: things");
    check_error(f.call("UpdateTable",
                       {{"TableName", "things"},
                        {"GlobalSecondaryIndexUpdates", {{{"Delete", {{"IndexName", "nope"}}}}}}}),
                "ResourceNotFoundException", "Requested resource not found: Index: nope not found");
}

TEST_CASE("UpdateTable: a new GSI is backfilled and queryable", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"color", S("red")}});
    f.put("things", {{"pk", S("b")}, {"color", S("blue")}});
    f.put("things", {{"pk", S("c")}});
    auto r = f.ok("UpdateTable",
                  {{"TableName", "things"},
                   {"AttributeDefinitions", {{{"AttributeName", "color"}, {"AttributeType", "S"}}}},
                   {"GlobalSecondaryIndexUpdates",
                    {{{"Create",
                       {{"IndexName", "by_color"},
                        {"KeySchema", {{{"AttributeName", "color"}, {"KeyType", "HASH"}}}},
                        {"Projection", {{"ProjectionType", "ALL"}}}}}}}}});
    CHECK(r["TableDescription"]["GlobalSecondaryIndexes"][0]["ItemCount"] == 2);
    auto q = f.ok("Query", {{"TableName", "things"},
                            {"IndexName", "by_color"},
                            {"KeyConditionExpression", "color = :c"},
                            {"ExpressionAttributeValues", {{":c", S("red")}}}});
    CHECK(q["Count"] == 1);
    f.ok("UpdateTable",
         {{"TableName", "things"},
          {"GlobalSecondaryIndexUpdates", {{{"Delete", {{"IndexName", "by_color"}}}}}}});
    check_error(f.call("Query", {{"TableName", "things"},
                                 {"IndexName", "by_color"},
                                 {"KeyConditionExpression", "color = :c"},
                                 {"ExpressionAttributeValues", {{":c", S("red")}}}}),
                "ValidationException", "The table does not have the specified index: by_color");
}

TEST_CASE("UpdateTable: streams and deletion protection", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    auto r =
        f.ok("UpdateTable", {{"TableName", "things"},
                             {"StreamSpecification",
                              {{"StreamEnabled", true}, {"StreamViewType", "NEW_AND_OLD_IMAGES"}}},
                             {"DeletionProtectionEnabled", true}});
    CHECK(r["TableDescription"]["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES");
    CHECK(r["TableDescription"].contains("LatestStreamArn"));
    CHECK(r["TableDescription"]["DeletionProtectionEnabled"] == true);
}

// DynamoDB checks that the request changes something, and the throughput bounds, before it looks
// the table up; an unchanged throughput after.
TEST_CASE("UpdateTable: requests that change nothing", "[service]") {
    ddb_fixture f;
    f.make_table(
        "prov", "",
        {{"BillingMode", "PROVISIONED"},
         {"ProvisionedThroughput", {{"ReadCapacityUnits", 2}, {"WriteCapacityUnits", 2}}}});
    check_error(f.call("UpdateTable", {{"TableName", "missing"}}), "ValidationException",
                "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    check_error(f.call("UpdateTable",
                       {{"TableName", "prov"}, {"GlobalSecondaryIndexUpdates", json::array()}}),
                "ValidationException",
                "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    check_error(f.call("UpdateTable", {{"TableName", "missing"}, {"BillingMode", "PROVISIONED"}}),
                "ValidationException",
                "One or more parameter values were invalid: ProvisionedThroughput must be "
                "specified when BillingMode is PROVISIONED");
    check_error(f.call("UpdateTable",
                       {{"TableName", "missing"},
                        {"ProvisionedThroughput",
                         {{"ReadCapacityUnits", 1000000000001LL}, {"WriteCapacityUnits", 1}}}}),
                "ValidationException",
                "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    check_error(f.call("UpdateTable", {{"TableName", "prov"},
                                       {"ProvisionedThroughput",
                                        {{"ReadCapacityUnits", 2}, {"WriteCapacityUnits", 2}}}}),
                "ValidationException",
                "The provisioned throughput for the table will not change. The requested value "
                "equals the current value. Current ReadCapacityUnits provisioned for the table: 2. "
                "Requested ReadCapacityUnits: 2. Current WriteCapacityUnits provisioned for the "
                "table: 2. Requested WriteCapacityUnits: 2. Refer to the Amazon DynamoDB Developer "
                "Guide for current limits and how to request higher limits.");
    f.ok("UpdateTable",
         {{"TableName", "prov"},
          {"ProvisionedThroughput", {{"ReadCapacityUnits", 3}, {"WriteCapacityUnits", 2}}}});
}

TEST_CASE("UpdateTable: each GlobalSecondaryIndexUpdate is one action on its own index",
          "[service]") {
    ddb_fixture f;
    f.make_table("things");
    auto update = [&](const json& updates) {
        return f.call("UpdateTable",
                      {{"TableName", "missing"}, {"GlobalSecondaryIndexUpdates", updates}});
    };
    // Before the table is looked up.
    check_error(update(json::array({json::object()})), "ValidationException",
                "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate."
                "Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete "
                "must not be null");
    check_error(update({{{"Delete", {{"IndexName", "abc"}}},
                         {"Update",
                          {{"IndexName", "abc"},
                           {"ProvisionedThroughput",
                            {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}}}}}),
                "ValidationException",
                "One or more parameter values were invalid: Only one global secondary index "
                "action is allowed per GlobalSecondaryIndexUpdate object");
    check_error(
        update({{{"Delete", {{"IndexName", "abc"}}}}, {{"Delete", {{"IndexName", "abc"}}}}}),
        "ValidationException",
        "One or more parameter values were invalid: Only one global secondary index update per "
        "index is allowed simultaneously. Index: abc");
    // After it, before the indexes are.
    check_error(f.call("UpdateTable", {{"TableName", "things"},
                                       {"GlobalSecondaryIndexUpdates",
                                        {{{"Delete", {{"IndexName", "abc"}}}},
                                         {{"Delete", {{"IndexName", "abd"}}}}}}}),
                "LimitExceededException",
                "Subscriber limit exceeded: Only 1 online index can be created or deleted "
                "simultaneously per table");
}
