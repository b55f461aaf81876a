// ExecuteStatement: PartiQL SELECT (Query or Scan, paging), INSERT, UPDATE, DELETE.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

namespace {

json pq_statement(const std::string& text, json params = nullptr) {
    json body{{"Statement", text}};
    if (!params.is_null()) {
        body["Parameters"] = std::move(params);
    }
    return body;
}

// A table pk (S) + sk (N) with three items in partition "a" and one in "b".
void seed_music(ddb_fixture& f) {
    f.make_table("music", "N");
    for (int i = 1; i <= 3; ++i) {
        f.put("music",
              {{"pk", S("a")}, {"sk", N(std::to_string(i))}, {"v", S("x" + std::to_string(i))}});
    }
    f.put("music", {{"pk", S("b")}, {"sk", N("1")}, {"v", S("y")}});
}

} // namespace

TEST_CASE("ExecuteStatement: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("ExecuteStatement", {{"Statement", 5}}), "SerializationException",
                "NUMBER_VALUE cannot be converted to String");
    check_error(f.call("ExecuteStatement", {{"Statement", "SELECT * FROM t"}, {"Parameters", "x"}}),
                "SerializationException", "Unexpected field type");
}

TEST_CASE("ExecuteStatement: validation errors", "[service]") {
    ddb_fixture f;
    seed_music(f);
    check_error(f.call("ExecuteStatement", json::object()), "ValidationException",
                "1 validation error detected: Value null at 'statement' failed to satisfy "
                "constraint: Member must not be null");
    check_error(f.call("ExecuteStatement", pq_statement("DROP TABLE music")), "ValidationException",
                "Statement wasn't well formed, can't be processed: Expected data manipulation");
    check_error(f.call("ExecuteStatement", pq_statement("SELECT * FROM nope")),
                "ResourceNotFoundException", "Requested resource not found");
    check_error(f.call("ExecuteStatement", pq_statement("SELECT * FROM music WHERE pk = ?")),
                "ValidationException",
                "Number of parameters in request and statement don't match.");
    check_error(f.call("ExecuteStatement", pq_statement("UPDATE music SET v = 1 WHERE pk = 'a'")),
                "ValidationException",
                "Where clause does not contain a mandatory equality on all key attributes");
    check_error(
        f.call("ExecuteStatement", pq_statement("DELETE FROM music WHERE pk = 'a' OR sk = 1")),
        "ValidationException",
        "Where clause does not contain a mandatory equality on all key attributes");
    check_error(f.call("ExecuteStatement",
                       pq_statement("UPDATE music SET sk = 4 WHERE pk = 'a' AND sk = 1")),
                "ValidationException",
                "One or more parameter values were invalid: Cannot update attribute sk. This "
                "attribute is part of the key");
    check_error(f.call("ExecuteStatement", pq_statement("INSERT INTO music VALUE {'pk': 'z'}")),
                "ValidationException",
                "One or more parameter values were invalid: Missing the key sk in the item");
    check_error(
        f.call("ExecuteStatement", pq_statement("DELETE FROM music WHERE pk = 'a' AND sk = 'one'")),
        "ValidationException", "The provided key element does not match the schema");
    check_error(f.call("ExecuteStatement", pq_statement("SELECT * FROM music.nope")),
                "ValidationException", "The table does not have the specified index: nope");
    auto limited = pq_statement("DELETE FROM music WHERE pk = 'a' AND sk = 1");
    limited["Limit"] = 1;
    check_error(f.call("ExecuteStatement", limited), "ValidationException",
                "Limit and NextToken can only be used with SELECT statements");
    auto zero = pq_statement("SELECT * FROM music");
    zero["Limit"] = 0;
    check_error(f.call("ExecuteStatement", zero), "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                "Member must have value greater than or equal to 1");
}

TEST_CASE("ExecuteStatement: SELECT by partition is a Query in sort-key order", "[service]") {
    ddb_fixture f;
    seed_music(f);
    auto r = f.ok("ExecuteStatement",
                  pq_statement("SELECT * FROM \"music\" WHERE pk = ?", json::array({S("a")})));
    REQUIRE(r["Items"].size() == 3);
    CHECK(r["Items"][0]["sk"] == N("1"));
    CHECK(r["Items"][2]["sk"] == N("3"));
    CHECK(!r.contains("NextToken"));

    r = f.ok("ExecuteStatement",
             pq_statement("SELECT sk, v FROM music WHERE pk = 'a' AND sk >= 2 ORDER BY sk DESC"));
    REQUIRE(r["Items"].size() == 2);
    CHECK(r["Items"][0] == json{{"sk", N("3")}, {"v", S("x3")}});
    CHECK(r["Items"][1]["sk"] == N("2"));

    r = f.ok("ExecuteStatement",
             pq_statement("SELECT v FROM music WHERE pk IN ['b', 'a'] AND sk = 1"));
    REQUIRE(r["Items"].size() == 2);
    CHECK(r["Items"][0] == json{{"v", S("x1")}});
    CHECK(r["Items"][1] == json{{"v", S("y")}});

    check_error(f.call("ExecuteStatement", pq_statement("SELECT * FROM music ORDER BY sk")),
                "ValidationException",
                "Must have WHERE clause in the statement when using ORDER BY clause.");
}

TEST_CASE("ExecuteStatement: a Scan with filters, Limit and NextToken paging", "[service]") {
    ddb_fixture f;
    seed_music(f);
    auto r = f.ok("ExecuteStatement", pq_statement("SELECT * FROM music WHERE v <> 'x2'"));
    CHECK(r["Items"].size() == 3);
    std::vector<json> seen;
    json body = pq_statement("SELECT * FROM music");
    body["Limit"] = 3;
    body["ReturnConsumedCapacity"] = "TOTAL";
    for (int page = 0; page < 5; ++page) {
        r = f.ok("ExecuteStatement", body);
        CHECK(r["ConsumedCapacity"]["TableName"] == "music");
        for (const auto& item : r["Items"]) {
            seen.push_back(item);
        }
        if (!r.contains("NextToken")) {
            break;
        }
        CHECK(r.contains("LastEvaluatedKey"));
        body["NextToken"] = r["NextToken"];
    }
    CHECK(seen.size() == 4);
    body["NextToken"] = "not-a-token";
    check_error(f.call("ExecuteStatement", body), "ValidationException", "Invalid NextToken");
}

TEST_CASE("ExecuteStatement: INSERT rejects duplicates", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    auto r = f.ok("ExecuteStatement",
                  pq_statement("INSERT INTO things VALUE {'pk': ?, 'n': 1, 'tags': <<'a'>>}",
                               json::array({S("k")})));
    CHECK(r == json{{"Items", json::array()}});
    auto got = f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("k")}}}});
    CHECK(got["Item"] == json{{"pk", S("k")}, {"n", N("1")}, {"tags", {{"SS", {"a"}}}}});
    check_error(f.call("ExecuteStatement", pq_statement("INSERT INTO things VALUE {'pk': 'k'}")),
                "DuplicateItemException", "Duplicate primary key exists in table");
}

TEST_CASE("ExecuteStatement: UPDATE with conditions and RETURNING", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("k")}, {"n", N("1")}, {"old", S("x")}, {"l", {{"L", {N("1")}}}}});
    auto r = f.ok("ExecuteStatement",
                  pq_statement("UPDATE things SET n = n + 1 SET l = list_append(l, ?) REMOVE old "
                               "WHERE pk = 'k' AND n = 1 RETURNING ALL NEW *",
                               json::array({{{"L", {N("2")}}}})));
    REQUIRE(r["Items"].size() == 1);
    CHECK(r["Items"][0] == json{{"pk", S("k")}, {"n", N("2")}, {"l", {{"L", {N("1"), N("2")}}}}});
    r = f.ok("ExecuteStatement", pq_statement("UPDATE things SET n = 5 WHERE pk = 'k' "
                                              "RETURNING MODIFIED OLD *"));
    CHECK(r["Items"] == json::array({json{{"n", N("2")}}}));

    auto failed = pq_statement("UPDATE things SET n = 7 WHERE pk = 'k' AND n = 1");
    failed["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";
    auto e = f.call("ExecuteStatement", failed);
    check_error(e, "ConditionalCheckFailedException", "The conditional request failed");
    CHECK(e.body["Item"]["n"] == N("5"));
    // UPDATE never creates an item.
    check_error(
        f.call("ExecuteStatement", pq_statement("UPDATE things SET n = 1 WHERE pk = 'new'")),
        "ConditionalCheckFailedException", "The conditional request failed");
    CHECK(
        !f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("new")}}}}).contains("Item"));
}

TEST_CASE("ExecuteStatement: DELETE with conditions and RETURNING ALL OLD", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("k")}, {"n", N("1")}});
    check_error(
        f.call("ExecuteStatement", pq_statement("DELETE FROM things WHERE pk = 'k' AND n = 2")),
        "ConditionalCheckFailedException", "The conditional request failed");
    auto r = f.ok("ExecuteStatement",
                  pq_statement("DELETE FROM things WHERE pk = 'k' RETURNING ALL OLD *"));
    CHECK(r["Items"] == json::array({json{{"pk", S("k")}, {"n", N("1")}}}));
    // Deleting a missing item succeeds and returns nothing.
    r = f.ok("ExecuteStatement",
             pq_statement("DELETE FROM things WHERE pk = 'k' RETURNING ALL OLD *"));
    CHECK(r["Items"] == json::array());
}

TEST_CASE("ExecuteStatement: writes record stream records like the item API", "[service]") {
    ddb_fixture f;
    f.make_table("things", "",
                 {{"StreamSpecification",
                   {{"StreamEnabled", true}, {"StreamViewType", "NEW_AND_OLD_IMAGES"}}}});
    f.ok("ExecuteStatement", pq_statement("INSERT INTO things VALUE {'pk': 'k', 'n': 1}"));
    f.ok("ExecuteStatement", pq_statement("UPDATE things SET n = 2 WHERE pk = 'k'"));
    f.ok("ExecuteStatement", pq_statement("DELETE FROM things WHERE pk = 'k'"));
    auto arn = f.ok("DescribeTable", {{"TableName", "things"}})["Table"]["LatestStreamArn"];
    auto shards = f.call("DescribeStream", {{"StreamArn", arn}}, "DynamoDBStreams_20120810");
    auto shard = shards.body["StreamDescription"]["Shards"][0]["ShardId"];
    auto it =
        f.call("GetShardIterator",
               {{"StreamArn", arn}, {"ShardId", shard}, {"ShardIteratorType", "TRIM_HORIZON"}},
               "DynamoDBStreams_20120810");
    auto records = f.call("GetRecords", {{"ShardIterator", it.body["ShardIterator"]}},
                          "DynamoDBStreams_20120810");
    REQUIRE(records.body["Records"].size() == 3);
    CHECK(records.body["Records"][0]["eventName"] == "INSERT");
    CHECK(records.body["Records"][1]["eventName"] == "MODIFY");
    CHECK(records.body["Records"][1]["dynamodb"]["OldImage"]["n"] == N("1"));
    CHECK(records.body["Records"][1]["dynamodb"]["NewImage"]["n"] == N("2"));
    CHECK(records.body["Records"][2]["eventName"] == "REMOVE");
}
