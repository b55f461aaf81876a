// ExecuteTransaction: PartiQL statements all or nothing, reasons in order, read transactions.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

namespace {

json transaction_of(std::initializer_list<std::string> texts) {
    json statements = json::array();
    for (const auto& t : texts) {
        statements.push_back({{"Statement", t}});
    }
    return {{"TransactStatements", statements}};
}

} // namespace

TEST_CASE("ExecuteTransaction: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("ExecuteTransaction", {{"TransactStatements", {{{"Statement", 1}}}}}),
                "SerializationException", "NUMBER_VALUE cannot be converted to String");
}

TEST_CASE("ExecuteTransaction: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    json many = json::array();
    for (int i = 0; i < 101; ++i) {
        many.push_back(
            {{"Statement", "SELECT * FROM things WHERE pk = '" + std::to_string(i) + "'"}});
    }
    auto r = f.call("ExecuteTransaction", {{"TransactStatements", many}});
    check_error(r, "ValidationException");
    CHECK(r.body["message"].get<std::string>().find(
              "Member must have length less than or equal to 100") != std::string::npos);
    check_error(
        f.call("ExecuteTransaction", transaction_of({"SELECT * FROM things WHERE pk = 'a'",
                                                     "INSERT INTO things VALUE {'pk': 'b'}"})),
        "ValidationException",
        "Transaction must contain either all read statements or all write statements");
    check_error(
        f.call("ExecuteTransaction", transaction_of({"INSERT INTO things VALUE {'pk': 'a'}",
                                                     "UPDATE things SET n = 1 WHERE pk = 'a'"})),
        "ValidationException",
        "Transaction request cannot include multiple operations on one item");
    check_error(
        f.call("ExecuteTransaction", transaction_of({"UPDATE things SET n = 1 WHERE n = 2"})),
        "ValidationException",
        "Where clause does not contain a mandatory equality on all key attributes");
    check_error(f.call("ExecuteTransaction", transaction_of({"DELETE FROM nope WHERE pk = 'a'"})),
                "ResourceNotFoundException", "Requested resource not found");
}

TEST_CASE("ExecuteTransaction: a failed statement cancels all, reasons in order", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"n", N("1")}});
    json body = transaction_of({"INSERT INTO things VALUE {'pk': 'new'}",
                                "INSERT INTO things VALUE {'pk': 'a'}",
                                "EXISTS(SELECT * FROM things WHERE pk = 'missing')",
                                "UPDATE things SET n = 2 WHERE pk = 'c'"});
    auto r = f.call("ExecuteTransaction", body);
    check_error(r, "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons "
                "[None, DuplicateItem, ConditionalCheckFailed, ConditionalCheckFailed]");
    REQUIRE(r.body["CancellationReasons"].size() == 4);
    CHECK(r.body["CancellationReasons"][0] == json{{"Code", "None"}});
    CHECK(r.body["CancellationReasons"][1] ==
          json{{"Code", "DuplicateItem"}, {"Message", "Duplicate primary key exists in table"}});
    CHECK(
        !f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("new")}}}}).contains("Item"));

    body = transaction_of({"DELETE FROM things WHERE pk = 'a' AND n = 9"});
    body["TransactStatements"][0]["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";
    r = f.call("ExecuteTransaction", body);
    check_error(r, "TransactionCanceledException");
    CHECK(r.body["CancellationReasons"][0]["Item"] == json{{"pk", S("a")}, {"n", N("1")}});
}

TEST_CASE("ExecuteTransaction: writes apply together; a token replays", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"n", N("1")}});
    f.put("things", {{"pk", S("gone")}});
    f.put("things", {{"pk", S("c")}, {"n", N("1")}});
    json body = transaction_of({"INSERT INTO things VALUE {'pk': 'b'}",
                                "UPDATE things SET n = n + 1 WHERE pk = 'a'",
                                "DELETE FROM things WHERE pk = 'gone'",
                                "EXISTS(SELECT * FROM things WHERE pk = 'c' AND n = 1)"});
    body["ClientRequestToken"] = "tok-1";
    body["ReturnConsumedCapacity"] = "TOTAL";
    auto r = f.ok("ExecuteTransaction", body);
    CHECK(r["Responses"] == json::array()); // AWS answers an empty list for writes
    CHECK(r["ConsumedCapacity"].size() == 4);
    f.ok("ExecuteTransaction", body); // replayed, not applied twice
    CHECK(f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}})["Item"]["n"] ==
          N("2"));
    CHECK(f.ok("Scan", {{"TableName", "things"}})["Count"] == 3);
    body["TransactStatements"].erase(3);
    check_error(f.call("ExecuteTransaction", body), "IdempotentParameterMismatchException",
                "Request token already used with different request parameters");
}

TEST_CASE("ExecuteTransaction: read transactions return items in order", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"n", N("1")}, {"m", N("2")}});
    auto r = f.ok("ExecuteTransaction", transaction_of({"SELECT n FROM things WHERE pk = 'a'",
                                                        "SELECT * FROM things WHERE pk = 'none'",
                                                        "SELECT * FROM things WHERE pk = 'a2'"}));
    CHECK(r["Responses"] ==
          json::array({json{{"Item", {{"n", N("1")}}}}, json::object(), json::object()}));
}
