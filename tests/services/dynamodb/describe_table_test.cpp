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
