// TransactWriteItems: all or nothing, reasons in order, idempotency tokens.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("TransactWriteItems: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(
        f.call("TransactWriteItems", {{"TransactItems", json::array({json{{"Put", "x"}}})}}),
        "SerializationException", "Unexpected field type");
}

TEST_CASE("TransactWriteItems: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("TransactWriteItems",
                       {{"TransactItems",
                         {{{"Put", {{"TableName", "things"}, {"Item", {{"pk", S("a")}}}}}},
                          {{"Delete", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}}}}}}}),
                "ValidationException",
                "Transaction request cannot include multiple operations on one item");
    check_error(f.call("TransactWriteItems", {{"TransactItems", json::array()}}),
                "ValidationException",
                "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy "
                "constraint: Member must have length greater than or equal to 1");
}

TEST_CASE("TransactWriteItems: a failed condition cancels everything, reasons in order",
          "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("x")}, {"v", N("1")}});
    auto r = f.call("TransactWriteItems",
                    {{"TransactItems",
                      {{{"Put", {{"TableName", "things"}, {"Item", {{"pk", S("new")}}}}}},
                       {{"ConditionCheck",
                         {{"TableName", "things"},
                          {"Key", {{"pk", S("x")}}},
                          {"ConditionExpression", "v = :two"},
                          {"ExpressionAttributeValues", {{":two", N("2")}}},
                          {"ReturnValuesOnConditionCheckFailure", "ALL_OLD"}}}}}}});
    check_error(r, "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons "
                "[None, ConditionalCheckFailed]");
    REQUIRE(r.body["CancellationReasons"].size() == 2);
    CHECK(r.body["CancellationReasons"][0] == json{{"Code", "None"}});
    CHECK(r.body["CancellationReasons"][1]["Item"]["v"] == N("1"));
    CHECK(
        !f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("new")}}}}).contains("Item"));
}

TEST_CASE("TransactWriteItems: applies every write; a token replays without writing", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("gone")}});
    json body{{"ClientRequestToken", "tok-1"},
              {"TransactItems",
               {{{"Put", {{"TableName", "things"}, {"Item", {{"pk", S("a")}}}}}},
                {{"Update",
                  {{"TableName", "things"},
                   {"Key", {{"pk", S("b")}}},
                   {"UpdateExpression", "ADD n :one"},
                   {"ExpressionAttributeValues", {{":one", N("1")}}}}}},
                {{"Delete", {{"TableName", "things"}, {"Key", {{"pk", S("gone")}}}}}}}}};
    f.ok("TransactWriteItems", body);
    f.ok("TransactWriteItems", body); // same token: not applied twice
    auto b = f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("b")}}}});
    CHECK(b["Item"]["n"] == N("1"));
    CHECK(f.ok("Scan", {{"TableName", "things"}})["Count"] == 2);
    body["TransactItems"].erase(2);
    check_error(f.call("TransactWriteItems", body), "IdempotentParameterMismatchException",
                "Request token already used with different request parameters");
}
