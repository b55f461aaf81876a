// ListTables: order, Limit, ExclusiveStartTableName, scoping by region.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListTables: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("ListTables", {{"ExclusiveStartTableName", 1}}), "SerializationException",
                "NUMBER_VALUE cannot be converted to String");
}

TEST_CASE("ListTables: validation errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("ListTables", {{"Limit", 101}}), "ValidationException",
                "1 validation error detected: Value '101' at 'limit' failed to satisfy "
                "constraint: Member must have value less than or equal to 100");
}

TEST_CASE("ListTables: pages in name order, per region", "[service]") {
    ddb_fixture f;
    for (const char* n : {"ccc", "aaa", "bbb"}) {
        f.make_table(n);
    }
    auto r = f.ok("ListTables", {{"Limit", 2}});
    CHECK(r["TableNames"] == json{"aaa", "bbb"});
    CHECK(r["LastEvaluatedTableName"] == "bbb");
    r = f.ok("ListTables", {{"ExclusiveStartTableName", "bbb"}});
    CHECK(r["TableNames"] == json{"ccc"});
    CHECK(!r.contains("LastEvaluatedTableName"));
    f.c.region = "eu-west-1";
    CHECK(f.ok("ListTables", json::object())["TableNames"] == json::array());
}
