// GetItem: key checks, projections, missing items.
#include "dynamodb/dynamodb_test_support.hpp"

#include <future>
#include <vector>

using namespace cloudbox::test;

TEST_CASE("GetItem: serialization errors", "[service]") {
    ddb_fixture f;
    check_error(f.call("GetItem", {{"TableName", "things"}, {"Key", "pk"}}),
                "SerializationException", "Unexpected field type");
    check_error(f.call("GetItem",
                       {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"ConsistentRead", 3}}),
                "SerializationException", "NUMBER_VALUE cannot be converted to Boolean");
}

TEST_CASE("GetItem: validation errors", "[service]") {
    ddb_fixture f;
    f.make_table("things", "N");
    check_error(f.call("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}}),
                "ValidationException", "The provided key element does not match the schema");
    check_error(
        f.call("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}, {"sk", S("1")}}}}),
        "ValidationException", "The provided key element does not match the schema");
    check_error(f.call("GetItem", {{"TableName", "things"},
                                   {"Key", {{"pk", S("a")}, {"sk", N("1")}}},
                                   {"ProjectionExpression", "#x"}}),
                "ValidationException",
                "Invalid ProjectionExpression: An expression attribute name used in the document "
                "path is not defined; attribute name: #x");
    // DynamoDB bounds AttributesToGet at 255 names (botocore no longer says so).
    json names = json::array();
    std::string listed;
    for (int i = 0; i < 256; ++i) {
        names.push_back("a");
        listed += i ? ", a" : "a";
    }
    auto many =
        f.call("GetItem",
               {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}, {"AttributesToGet", names}});
    check_error(many, "ValidationException",
                "1 validation error detected: Value '[" + listed +
                    "]' at 'attributesToGet' failed to satisfy constraint: Member must have "
                    "length less than or equal to 255");
}

TEST_CASE("GetItem: a key attribute is projected whole", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    for (const char* path : {"#a.b.c", "#a[0]"}) {
        check_error(f.call("GetItem", {{"TableName", "things"},
                                       {"Key", {{"pk", S("a")}}},
                                       {"ProjectionExpression", path},
                                       {"ExpressionAttributeNames", {{"#a", "pk"}}}}),
                    "ValidationException",
                    "Key attributes must be scalars; list random access '[]' and map lookup '.' "
                    "are not allowed: Key: pk");
    }
}

TEST_CASE("GetItem: returns the item, projected, or nothing", "[service]") {
    ddb_fixture f;
    f.make_table("things", "N");
    f.put("things",
          {{"pk", S("a")}, {"sk", N("1")}, {"m", {{"M", {{"x", S("1")}, {"y", S("2")}}}}}});
    auto r = f.ok("GetItem", {{"TableName", "things"},
                              {"Key", {{"pk", S("a")}, {"sk", N("1.0")}}},
                              {"ProjectionExpression", "m.#y"},
                              {"ExpressionAttributeNames", {{"#y", "y"}}}});
    CHECK(r["Item"] == json{{"m", {{"M", {{"y", S("2")}}}}}});
    auto none =
        f.ok("GetItem", {{"TableName", "things"}, {"Key", {{"pk", S("b")}, {"sk", N("1")}}}});
    CHECK(!none.contains("Item"));
    auto legacy = f.ok("GetItem", {{"TableName", "things"},
                                   {"Key", {{"pk", S("a")}, {"sk", N("1")}}},
                                   {"AttributesToGet", {"sk"}}});
    CHECK(legacy["Item"] == json{{"sk", N("1")}});
}

// A file database reads on reader connections; GetItem once read on the writer's connection
// without its lock, which corrupted the heap within seconds of concurrent PutItem and GetItem.
TEST_CASE("GetItem: concurrent with PutItem on a data dir, every read sees its own write",
          "[service]") {
    temp_dir dir;
    ddb_fixture f(on_disk(dir));
    f.make_table("things");
    constexpr int writers = 4;
    constexpr int rounds = 150;
    auto work = [port = f.srv.port()](int id) {
        http_client c{port};
        c.signing_service = "dynamodb";
        int wrong = 0;
        for (int i = 0; i < rounds; ++i) {
            auto key = "k" + std::to_string(id) + "-" + std::to_string(i % 10);
            auto value = std::to_string(i);
            json item{{"pk", {{"S", key}}}, {"v", {{"S", value}}}};
            json put_body{{"TableName", "things"}, {"Item", item}};
            auto put = c.request("POST", "/", put_body.dump(),
                                 {{"x-amz-target", "DynamoDB_20120810.PutItem"},
                                  {"content-type", "application/x-amz-json-1.0"}});
            json get{{"TableName", "things"}, {"Key", {{"pk", {{"S", key}}}}}};
            auto got = c.request("POST", "/", get.dump(),
                                 {{"x-amz-target", "DynamoDB_20120810.GetItem"},
                                  {"content-type", "application/x-amz-json-1.0"}});
            auto body = json::parse(got.body, nullptr, false);
            if (put.status != 200 || got.status != 200 || !body.contains("Item") ||
                body["Item"]["v"]["S"] != value) {
                ++wrong;
            }
        }
        return wrong;
    };
    std::vector<std::future<int>> runs;
    for (int id = 0; id < writers; ++id) {
        runs.push_back(std::async(std::launch::async, work, id));
    }
    for (auto& run : runs) {
        CHECK(run.get() == 0);
    }
}

// Without projection or capacity, GetItem passes the stored text through unparsed; with
// ReturnConsumedCapacity it parses the item. Both must answer the same Item.
TEST_CASE("GetItem: the unparsed item is exactly the parsed path's item", "[service]") {
    ddb_fixture f;
    f.make_table("things", "N");
    json rich = rich_item();
    f.put("things", rich);
    json key{{"TableName", "things"}, {"Key", {{"pk", S("p")}, {"sk", N("1")}}}};
    auto raw = f.call("GetItem", key);
    REQUIRE(raw.status == 200);
    json with_capacity = key;
    with_capacity["ReturnConsumedCapacity"] = "TOTAL";
    auto parsed = f.ok("GetItem", with_capacity);
    CHECK(raw.body == json{{"Item", parsed["Item"]}});
    CHECK(parsed["ConsumedCapacity"]["CapacityUnits"] == 0.5);
    CHECK(parsed["Item"]["text"] == S("quote \" and \\u00e9 \xc3\xa9 \xf0\x9f\x98\x80"));
    CHECK(parsed["Item"]["sk"] == N("1"));
    // A missing item is still {} without Item.
    json missing{{"TableName", "things"}, {"Key", {{"pk", S("q")}, {"sk", N("1")}}}};
    CHECK(f.ok("GetItem", missing) == json::object());
}

TEST_CASE("GetItem: key values are validated before the table is looked up", "[service]") {
    ddb_fixture f;
    check_error(f.call("GetItem", {{"TableName", "missing"}, {"Key", {{"a", {{"NULL", false}}}}}}),
                "ValidationException",
                "One or more parameter values were invalid: Null attribute value types must have "
                "the value of true");
}
