// Query: key conditions in DynamoDB's order, filters after Limit, pagination, indexes.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

namespace {

void fill(ddb_fixture& f) {
    f.make_table("things", "N",
                 {{"AttributeDefinitions",
                   {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                    {{"AttributeName", "sk"}, {"AttributeType", "N"}},
                    {{"AttributeName", "g"}, {"AttributeType", "S"}}}},
                  {"GlobalSecondaryIndexes",
                   {{{"IndexName", "by_g"},
                     {"KeySchema",
                      {{{"AttributeName", "g"}, {"KeyType", "HASH"}},
                       {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
                     {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}}});
    for (const char* n : {"-10", "-1.5", "0", "2", "10", "100"}) {
        f.put("things", {{"pk", S("p")}, {"sk", N(n)}, {"g", S("even")}, {"v", N(n)}});
    }
    f.put("things", {{"pk", S("other")}, {"sk", N("1")}});
}

json query(ddb_fixture& f, json extra) {
    json body{{"TableName", "things"},
              {"KeyConditionExpression", "pk = :p"},
              {"ExpressionAttributeValues", {{":p", S("p")}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.key() == "values") {
            for (auto v = it.value().begin(); v != it.value().end(); ++v) {
                body["ExpressionAttributeValues"][v.key()] = v.value();
            }
        } else {
            body[it.key()] = it.value();
        }
    }
    return f.ok("Query", body);
}

std::vector<std::string> sort_keys(const json& r) {
    std::vector<std::string> out;
    for (const auto& i : r["Items"]) {
        out.push_back(i["sk"]["N"].get<std::string>());
    }
    return out;
}

} // namespace

TEST_CASE("Query: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("Query", {{"TableName", "things"}, {"ScanIndexForward", "maybe"}}),
                "SerializationException", "Unexpected token received from parser");
}

TEST_CASE("Query: validation errors", "[service]") {
    ddb_fixture f;
    fill(f);
    check_error(f.call("Query", {{"TableName", "things"}}), "ValidationException",
                "Either the KeyConditions or KeyConditionExpression parameter must be specified "
                "in the request.");
    check_error(f.call("Query", {{"TableName", "things"},
                                 {"IndexName", "nope"},
                                 {"KeyConditionExpression", "pk = :p"},
                                 {"ExpressionAttributeValues", {{":p", S("p")}}}}),
                "ValidationException", "The table does not have the specified index: nope");
    check_error(f.call("Query", {{"TableName", "things"},
                                 {"KeyConditionExpression", "sk = :p"},
                                 {"ExpressionAttributeValues", {{":p", N("1")}}}}),
                "ValidationException", "Query condition missed key schema element: pk");
}

TEST_CASE("Query: numeric sort order, ranges, direction", "[service]") {
    ddb_fixture f;
    fill(f);
    CHECK(sort_keys(query(f, json::object())) ==
          std::vector<std::string>{"-10", "-1.5", "0", "2", "10", "100"});
    CHECK(sort_keys(query(f, {{"ScanIndexForward", false}})) ==
          std::vector<std::string>{"100", "10", "2", "0", "-1.5", "-10"});
    auto between = query(f, {{"KeyConditionExpression", "pk = :p AND sk BETWEEN :a AND :b"},
                             {"values", {{":a", N("-1.5")}, {":b", N("10")}}}});
    CHECK(sort_keys(between) == std::vector<std::string>{"-1.5", "0", "2", "10"});
    auto gt =
        query(f, {{"KeyConditionExpression", "pk = :p AND sk > :a"}, {"values", {{":a", N("2")}}}});
    CHECK(sort_keys(gt) == std::vector<std::string>{"10", "100"});
}

TEST_CASE("Query: Limit counts items before the filter; pages resume", "[service]") {
    ddb_fixture f;
    fill(f);
    auto r =
        query(f, {{"Limit", 3}, {"FilterExpression", "v > :z"}, {"values", {{":z", N("-5")}}}});
    CHECK(r["ScannedCount"] == 3);
    CHECK(r["Count"] == 2);
    REQUIRE(r.contains("LastEvaluatedKey"));
    CHECK(r["LastEvaluatedKey"] == json{{"pk", S("p")}, {"sk", N("0")}});
    auto next = query(f, {{"ExclusiveStartKey", r["LastEvaluatedKey"]}});
    CHECK(sort_keys(next) == std::vector<std::string>{"2", "10", "100"});
    CHECK(!next.contains("LastEvaluatedKey"));
    auto count = query(f, {{"Select", "COUNT"}});
    CHECK(!count.contains("Items"));
    CHECK(count["Count"] == 6);
}

TEST_CASE("Query: a global secondary index with its projection", "[service]") {
    ddb_fixture f;
    fill(f);
    auto r = f.ok("Query", {{"TableName", "things"},
                            {"IndexName", "by_g"},
                            {"KeyConditionExpression", "g = :g AND sk >= :s"},
                            {"ExpressionAttributeValues", {{":g", S("even")}, {":s", N("10")}}}});
    REQUIRE(r["Count"] == 2);
    CHECK(r["Items"][0] == json{{"pk", S("p")}, {"sk", N("10")}, {"g", S("even")}});
    auto page = f.ok("Query", {{"TableName", "things"},
                               {"IndexName", "by_g"},
                               {"Limit", 1},
                               {"KeyConditionExpression", "g = :g"},
                               {"ExpressionAttributeValues", {{":g", S("even")}}}});
    CHECK(page["LastEvaluatedKey"] == json{{"pk", S("p")}, {"sk", N("-10")}, {"g", S("even")}});
    auto rest = f.ok("Query", {{"TableName", "things"},
                               {"IndexName", "by_g"},
                               {"ExclusiveStartKey", page["LastEvaluatedKey"]},
                               {"KeyConditionExpression", "g = :g"},
                               {"ExpressionAttributeValues", {{":g", S("even")}}}});
    CHECK(rest["Count"] == 5);
}

// Without filter or projection, Query passes the stored item texts through unparsed; a filter
// that keeps everything takes the parsed path. Both must answer the same.
TEST_CASE("Query: stored items pass through unparsed exactly as the parsed path answers",
          "[service]") {
    ddb_fixture f;
    f.make_table("things", "N");
    json rich = rich_item();
    f.put("things", rich);
    for (const char* n : {"2", "3", "4"}) {
        f.put("things", {{"pk", S("p")}, {"sk", N(n)}});
    }
    auto stored =
        f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("p")}, {"sk", N("1")}}}});
    json base{{"TableName", "things"},
              {"KeyConditionExpression", "pk = :p"},
              {"ExpressionAttributeValues", {{":p", S("p")}}},
              {"ReturnConsumedCapacity", "TOTAL"}};
    auto plain = f.ok("Query", base);
    json filtered_body = base;
    filtered_body["FilterExpression"] = "attribute_not_exists(nothing)"; // keeps every item
    auto filtered = f.ok("Query", filtered_body);
    REQUIRE(plain["Items"].size() == 4);
    CHECK(plain["Items"][0] == stored["Item"]);
    CHECK(plain["Items"] == filtered["Items"]);
    CHECK(plain["Count"] == 4);
    CHECK(plain["ScannedCount"] == 4);
    CHECK(plain["ConsumedCapacity"] == filtered["ConsumedCapacity"]);

    json limited = base;
    limited["Limit"] = 2;
    auto page = f.ok("Query", limited);
    CHECK(page["Count"] == 2);
    CHECK(page["LastEvaluatedKey"] == json{{"pk", S("p")}, {"sk", N("2")}});
    limited["ExclusiveStartKey"] = page["LastEvaluatedKey"];
    auto rest = f.ok("Query", limited);
    CHECK(sort_keys(rest) == std::vector<std::string>{"3", "4"});
    CHECK(rest.contains("LastEvaluatedKey")); // Limit reached exactly, as DynamoDB answers

    auto scan = f.ok("Scan", {{"TableName", "things"}});
    CHECK(scan["Items"] == plain["Items"]);
    CHECK(scan["Count"] == 4);
}

TEST_CASE("Query: what needs no table is validated before the table is looked up", "[service]") {
    ddb_fixture f;
    json base{{"TableName", "missing"},
              {"KeyConditionExpression", "a = :a"},
              {"ExpressionAttributeValues", {{":a", S("x")}}}};
    json esk = base;
    esk["ExclusiveStartKey"] = {{"a", json::object()}};
    check_error(f.call("Query", esk), "ValidationException",
                "The provided starting key is invalid: Supplied AttributeValue is empty, must "
                "contain exactly one of the supported datatypes");
    esk["ExclusiveStartKey"] = {{"a", N("x")}}; // number errors keep their own wording
    check_error(f.call("Query", esk), "ValidationException",
                "The parameter cannot be converted to a numeric value: x");
    json three{{"TableName", "missing"},
               {"KeyConditions",
                {{"a", {{"ComparisonOperator", "EQ"}, {"AttributeValueList", {S("a")}}}},
                 {"b", {{"ComparisonOperator", "EQ"}, {"AttributeValueList", {S("a")}}}},
                 {"c", {{"ComparisonOperator", "EQ"}, {"AttributeValueList", {S("a")}}}}}}};
    check_error(f.call("Query", three), "ValidationException",
                "Conditions can be of length 1 or 2 only");
    json orred = base;
    orred["KeyConditionExpression"] = "a = :a OR a = :a";
    check_error(f.call("Query", orred), "ValidationException",
                "Invalid operator used in KeyConditionExpression: OR");
    // Unused values are reported before the key condition's structure.
    orred["ExpressionAttributeValues"][":z"] = S("z");
    check_error(f.call("Query", orred), "ValidationException",
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:z}");
}

TEST_CASE("Query: filters may not read the queried key attributes", "[service]") {
    ddb_fixture f;
    fill(f);
    json body{{"TableName", "things"},
              {"KeyConditionExpression", "pk = :p"},
              {"FilterExpression", "v > :v AND sk > :v"},
              {"ExpressionAttributeValues", {{":p", S("p")}, {":v", N("0")}}}};
    check_error(f.call("Query", body), "ValidationException",
                "Filter Expression can only contain non-primary key attributes: Primary key "
                "attribute: sk");
    body.erase("FilterExpression");
    body.erase("KeyConditionExpression");
    body.erase("ExpressionAttributeValues");
    body["KeyConditions"] = {
        {"pk", {{"ComparisonOperator", "EQ"}, {"AttributeValueList", {S("p")}}}}};
    body["QueryFilter"] = {{"pk", {{"ComparisonOperator", "NOT_NULL"}}}};
    check_error(f.call("Query", body), "ValidationException",
                "QueryFilter can only contain non-primary key attributes: Primary key "
                "attribute: pk");
    // On an index, the index's keys are the ones refused; the table's sort key is a filter
    // attribute there.
    auto r = query(f, {{"IndexName", "by_g"},
                       {"KeyConditionExpression", "g = :g"},
                       {"FilterExpression", "pk = :p"},
                       {"values", {{":g", S("even")}}}});
    CHECK(r["Count"] == 6);
}

TEST_CASE("Query: a start key outside the sort key condition is refused", "[service]") {
    ddb_fixture f;
    fill(f);
    json body{{"TableName", "things"},
              {"KeyConditionExpression", "pk = :p AND sk > :v"},
              {"ExpressionAttributeValues", {{":p", S("p")}, {":v", N("5")}}},
              {"ExclusiveStartKey", {{"pk", S("p")}, {"sk", N("0")}}}};
    check_error(f.call("Query", body), "ValidationException",
                "The provided starting key does not match the range key predicate");
}

TEST_CASE("Query: key attributes are projected and filtered whole", "[service]") {
    ddb_fixture f;
    fill(f);
    const std::string scalars =
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
        "allowed: ";
    json body{{"TableName", "things"},
              {"KeyConditionExpression", "pk = :p"},
              {"ExpressionAttributeValues", {{":p", S("p")}}}};
    body["ProjectionExpression"] = "v, sk.x";
    check_error(f.call("Query", body), "ValidationException", scalars + "Key: sk");
    // Any index's key attributes too, on the table as on the index.
    body["ProjectionExpression"] = "g[0]";
    check_error(f.call("Query", body), "ValidationException", scalars + "IndexKey: g");
    body.erase("ProjectionExpression");
    body["FilterExpression"] = "attribute_exists(g.x)";
    check_error(f.call("Query", body), "ValidationException", scalars + "IndexKey: g");
}
