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
    check_error(f.call("UpdateTable", {{"TableName", "missing"}}), "ResourceNotFoundException",
                "Requested resource not found: Table: missing not found");
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
