// Scan: filters, pagination, segments.
#include "dynamodb/dynamodb_test_support.hpp"

#include <set>

using namespace cloudbox::test;

TEST_CASE("Scan: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("Scan", {{"TableName", "things"}, {"Segment", "one"}}),
                "SerializationException", "STRING_VALUE cannot be converted to Integer");
}

TEST_CASE("Scan: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("Scan", {{"TableName", "things"}, {"Segment", 1}}), "ValidationException",
                "The TotalSegments parameter is required but was not present in the request when "
                "Segment parameter is present");
    check_error(f.call("Scan", {{"TableName", "things"}, {"Segment", 2}, {"TotalSegments", 2}}),
                "ValidationException",
                "The Segment parameter is zero-based and must be less than parameter "
                "TotalSegments: Segment: 2 is not less than TotalSegments: 2");
    check_error(f.call("Scan", {{"TableName", "things"}, {"FilterExpression", "a = "}}),
                "ValidationException",
                "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
}

TEST_CASE("Scan: every item once across pages and segments", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    for (int i = 0; i < 20; ++i) {
        f.put("things", {{"pk", S("k" + std::to_string(i))}, {"n", N(std::to_string(i))}});
    }
    std::set<std::string> seen;
    json start;
    int pages = 0;
    do {
        json body{{"TableName", "things"}, {"Limit", 7}};
        if (!start.is_null()) {
            body["ExclusiveStartKey"] = start;
        }
        auto r = f.ok("Scan", body);
        for (const auto& i : r["Items"]) {
            seen.insert(i["pk"]["S"].get<std::string>());
        }
        start = r.value("LastEvaluatedKey", json());
        ++pages;
    } while (!start.is_null());
    CHECK(seen.size() == 20);
    CHECK(pages == 3);
    std::size_t total = 0;
    for (int s = 0; s < 3; ++s) {
        auto r = f.ok("Scan", {{"TableName", "things"}, {"Segment", s}, {"TotalSegments", 3}});
        total += r["Count"].get<std::size_t>();
    }
    CHECK(total == 20);
    auto filtered = f.ok("Scan", {{"TableName", "things"},
                                  {"FilterExpression", "n >= :ten"},
                                  {"ExpressionAttributeValues", {{":ten", N("10")}}}});
    CHECK(filtered["Count"] == 10);
    CHECK(filtered["ScannedCount"] == 20);
}

TEST_CASE("Scan: start key errors say why", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("Scan", {{"TableName", "things"}, {"ExclusiveStartKey", {{"x", S("a")}}}}),
                "ValidationException",
                "The provided starting key is invalid: The provided key element does not match "
                "the schema");
    check_error(
        f.call("Scan", {{"TableName", "missing"}, {"ExclusiveStartKey", {{"x", json::object()}}}}),
        "ValidationException",
        "The provided starting key is invalid: Supplied AttributeValue is empty, must contain "
        "exactly one of the supported datatypes");
}

TEST_CASE("Scan: key attributes are filtered whole", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    check_error(f.call("Scan", {{"TableName", "things"},
                                {"FilterExpression", "attribute_exists(#a.b.c)"},
                                {"ExpressionAttributeNames", {{"#a", "pk"}}}}),
                "ValidationException",
                "Key attributes must be scalars; list random access '[]' and map lookup '.' are "
                "not allowed: Key: pk");
    f.ok("Scan", {{"TableName", "things"}, {"FilterExpression", "attribute_exists(m.b)"}});
}
