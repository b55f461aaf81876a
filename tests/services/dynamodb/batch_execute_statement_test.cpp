// BatchExecuteStatement: per-statement results and errors, all reads or all writes.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

namespace {

json batch_of(std::initializer_list<std::string> texts) {
    json statements = json::array();
    for (const auto& t : texts) {
        statements.push_back({{"Statement", t}});
    }
    return {{"Statements", statements}};
}

} // namespace

TEST_CASE("BatchExecuteStatement: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("BatchExecuteStatement", {{"Statements", "x"}}), "SerializationException",
                "Unexpected field type");
}

TEST_CASE("BatchExecuteStatement: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("BatchExecuteStatement", {{"Statements", json::array()}}),
                "ValidationException",
                "1 validation error detected: Value '[]' at 'statements' failed to satisfy "
                "constraint: Member must have length greater than or equal to 1");
    auto null_member =
        f.ok("BatchExecuteStatement", {{"Statements", json::array({nullptr})}})["Responses"];
    CHECK(null_member[0]["Error"]["Code"] == "ValidationError");
    check_error(f.call("BatchExecuteStatement", batch_of({"SELECT * FROM things WHERE pk = 'a'",
                                                          "DELETE FROM things WHERE pk = 'a'"})),
                "ValidationException",
                "Batch must consist of either all read statements or all write statements");
}

TEST_CASE("BatchExecuteStatement: reads return items or per-statement errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"n", N("1")}});
    auto body =
        batch_of({"SELECT n FROM things WHERE pk = 'a'", "SELECT * FROM things WHERE pk = 'zzz'",
                  "SELECT * FROM nope WHERE pk = 'a'", "SELECT * FROM things", "SELECT * FROM"});
    body["ReturnConsumedCapacity"] = "TOTAL";
    auto r = f.ok("BatchExecuteStatement", body)["Responses"];
    REQUIRE(r.size() == 5);
    CHECK(r[0] == json{{"TableName", "things"}, {"Item", {{"n", N("1")}}}});
    CHECK(r[1] == json{{"TableName", "things"}});
    CHECK(r[2]["Error"] ==
          json{{"Code", "ResourceNotFound"}, {"Message", "Requested resource not found"}});
    CHECK(r[3]["Error"] ==
          json{{"Code", "ValidationError"},
               {"Message",
                "Where clause does not contain a mandatory equality on all key attributes"}});
    CHECK(r[4]["Error"]["Code"] == "ValidationError");
    CHECK(f.ok("BatchExecuteStatement", body)["ConsumedCapacity"][0]["TableName"] == "things");
}

TEST_CASE("BatchExecuteStatement: writes apply one by one", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"n", N("1")}});
    json body =
        batch_of({"INSERT INTO things VALUE {'pk': 'b'}", "INSERT INTO things VALUE {'pk': 'a'}",
                  "UPDATE things SET n = 2 WHERE pk = 'a' AND n = 5",
                  "UPDATE things SET n = 3 WHERE pk = 'a'"});
    body["Statements"][2]["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";
    auto r = f.ok("BatchExecuteStatement", body)["Responses"];
    REQUIRE(r.size() == 4);
    CHECK(r[0] == json{{"TableName", "things"}});
    CHECK(r[1]["Error"] ==
          json{{"Code", "DuplicateItem"}, {"Message", "Duplicate primary key exists in table"}});
    CHECK(r[2]["Error"]["Code"] == "ConditionalCheckFailed");
    CHECK(r[2]["Error"]["Message"] == "The conditional request failed");
    CHECK(r[2]["Error"]["Item"] == json{{"pk", S("a")}, {"n", N("1")}});
    CHECK(!r[3].contains("Error"));
    CHECK(f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}})["Item"]["n"] ==
          N("3"));
    CHECK(f.ok("Scan", {{"TableName", "things"}})["Count"] == 2);
}
