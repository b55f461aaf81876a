// TransactGetItems: items in request order, {} for missing ones.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("TransactGetItems: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("TransactGetItems", {{"TransactItems", "x"}}), "SerializationException",
                "Unexpected field type");
}

TEST_CASE("TransactGetItems: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("TransactGetItems",
                       {{"TransactItems",
                         {{{"Get", {{"TableName", "things"}, {"Key", {{"nope", S("a")}}}}}}}}}),
                "ValidationException", "The provided key element does not match the schema");
}

TEST_CASE("TransactGetItems: reads in order", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.put("things", {{"pk", S("a")}, {"v", N("1")}});
    auto r = f.ok("TransactGetItems",
                  {{"TransactItems",
                    {{{"Get", {{"TableName", "things"}, {"Key", {{"pk", S("missing")}}}}}},
                     {{"Get",
                       {{"TableName", "things"},
                        {"Key", {{"pk", S("a")}}},
                        {"ProjectionExpression", "v"}}}}}}});
    CHECK(r["Responses"] == json{json::object(), {{"Item", {{"v", N("1")}}}}});
}
