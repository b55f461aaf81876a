// DeleteTable: removes table and items; deletion protection.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteTable: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("DeleteTable", {{"TableName", false}}), "SerializationException",
                "FALSE_VALUE cannot be converted to String");
}

TEST_CASE("DeleteTable: validation errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("DeleteTable", {{"TableName", "missing"}}), "ResourceNotFoundException",
                "Requested resource not found: Table: missing not found");
    f.make_table("kept", "", {{"DeletionProtectionEnabled", true}});
    check_error(f.call("DeleteTable", {{"TableName", "kept"}}), "ValidationException",
                "Resource cannot be deleted as it is currently protected against deletion. "
                "Disable deletion protection first.");
}

TEST_CASE("DeleteTable: the table and its items are gone", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}});
    auto r = f.ok("DeleteTable", {{"TableName", "things"}});
    CHECK(r["TableDescription"]["TableStatus"] == "DELETING");
    check_error(f.call("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}}),
                "ResourceNotFoundException");
    f.make_table("things");
    CHECK(f.ok("Scan", {{"TableName", "things"}})["Count"] == 0);
}
