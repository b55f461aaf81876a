// DynamoDB Streams: records per view type, the four iterator types, TTL REMOVE records.
#include "dynamodb/dynamodb_test_support.hpp"

using namespace cloudbox::test;

namespace {

const std::string streams = "DynamoDBStreams_20120810";

// Creates a streamed table and returns its stream ARN.
std::string streamed_table(ddb_fixture& f, const std::string& view) {
    json spec{{"StreamEnabled", true}, {"StreamViewType", view}};
    f.make_table("things", "", {{"StreamSpecification", spec}});
    auto d = f.ok("DescribeTable", {{"TableName", "things"}});
    return d["Table"]["LatestStreamArn"].get<std::string>();
}

json stream_call(ddb_fixture& f, const std::string& op, const json& body) {
    auto r = f.call(op, body, streams);
    INFO(r.raw.body);
    REQUIRE(r.status == 200);
    return r.body;
}

json records_from(ddb_fixture& f, const std::string& arn, const json& iterator_request) {
    auto d = stream_call(f, "DescribeStream", {{"StreamArn", arn}});
    json req = iterator_request;
    req["StreamArn"] = arn;
    req["ShardId"] = d["StreamDescription"]["Shards"][0]["ShardId"];
    auto it = stream_call(f, "GetShardIterator", req);
    return stream_call(f, "GetRecords", {{"ShardIterator", it["ShardIterator"]}});
}

} // namespace

TEST_CASE("Streams: serialization errors", "[service]") {
    ddb_fixture f;
    auto r = f.call("GetRecords", {{"ShardIterator", 5}}, streams);
    check_error(r, "SerializationException", "NUMBER_VALUE cannot be converted to String");
}

TEST_CASE("Streams: validation errors", "[service]") {
    ddb_fixture f;
    auto arn = streamed_table(f, "KEYS_ONLY");
    check_error(f.call("DescribeStream", {{"StreamArn", arn + "x"}}, streams),
                "ResourceNotFoundException");
    check_error(f.call("GetShardIterator",
                       {{"StreamArn", arn},
                        {"ShardId", "shardId-00000000000000000000-00000000"},
                        {"ShardIteratorType", "BAD"}},
                       streams),
                "ValidationException",
                "1 validation error detected: Value 'BAD' at 'shardIteratorType' failed to "
                "satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, "
                "AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
}

TEST_CASE("Streams: INSERT, MODIFY, REMOVE with both images", "[service]") {
    ddb_fixture f;
    auto arn = streamed_table(f, "NEW_AND_OLD_IMAGES");
    auto listed = stream_call(f, "ListStreams", {{"TableName", "things"}});
    CHECK(listed["Streams"][0]["StreamArn"] == arn);
    f.put("things", {{"pk", S("a")}, {"v", N("1")}});
    f.put("things", {{"pk", S("a")}, {"v", N("2")}});
    f.ok("DeleteItem", {{"TableName", "things"}, {"Key", {{"pk", S("a")}}}});
    auto r = records_from(f, arn, {{"ShardIteratorType", "TRIM_HORIZON"}});
    REQUIRE(r["Records"].size() == 3);
    CHECK(r["Records"][0]["eventName"] == "INSERT");
    CHECK(r["Records"][1]["eventName"] == "MODIFY");
    CHECK(r["Records"][1]["dynamodb"]["OldImage"]["v"] == N("1"));
    CHECK(r["Records"][1]["dynamodb"]["NewImage"]["v"] == N("2"));
    CHECK(r["Records"][2]["eventName"] == "REMOVE");
    CHECK(r["Records"][2]["dynamodb"]["Keys"] == json{{"pk", S("a")}});
    CHECK(r["Records"][0]["dynamodb"]["SizeBytes"].get<int>() > 0);
    auto seq1 = r["Records"][1]["dynamodb"]["SequenceNumber"].get<std::string>();
    auto at = records_from(f, arn,
                           {{"ShardIteratorType", "AT_SEQUENCE_NUMBER"}, {"SequenceNumber", seq1}});
    CHECK(at["Records"].size() == 2);
    auto after = records_from(
        f, arn, {{"ShardIteratorType", "AFTER_SEQUENCE_NUMBER"}, {"SequenceNumber", seq1}});
    CHECK(after["Records"].size() == 1);
    auto latest = records_from(f, arn, {{"ShardIteratorType", "LATEST"}});
    CHECK(latest["Records"].empty());
    CHECK(latest.contains("NextShardIterator"));
}

TEST_CASE("Streams: a write that changes nothing appends no record", "[service]") {
    ddb_fixture f;
    auto arn = streamed_table(f, "NEW_AND_OLD_IMAGES");
    f.put("things", {{"pk", S("a")}, {"v", N("1")}});
    f.put("things", {{"pk", S("a")}, {"v", N("1.0")}}); // the same number
    f.ok("UpdateItem", {{"TableName", "things"},
                        {"Key", {{"pk", S("a")}}},
                        {"UpdateExpression", "SET v = :v REMOVE absent"},
                        {"ExpressionAttributeValues", {{":v", N("1")}}}});
    f.ok("UpdateItem", {{"TableName", "things"},
                        {"Key", {{"pk", S("a")}}},
                        {"UpdateExpression", "SET v = :v"},
                        {"ExpressionAttributeValues", {{":v", N("2")}}}});
    auto r = records_from(f, arn, {{"ShardIteratorType", "TRIM_HORIZON"}});
    REQUIRE(r["Records"].size() == 2);
    CHECK(r["Records"][0]["eventName"] == "INSERT");
    CHECK(r["Records"][1]["eventName"] == "MODIFY");
    CHECK(r["Records"][1]["dynamodb"]["NewImage"]["v"] == N("2"));
}

TEST_CASE("Streams: iterators have AWS's <stream arn>|<digit>|<opaque> form", "[service]") {
    ddb_fixture f;
    auto arn = streamed_table(f, "KEYS_ONLY");
    auto d = stream_call(f, "DescribeStream", {{"StreamArn", arn}});
    auto it = stream_call(f, "GetShardIterator",
                          {{"StreamArn", arn},
                           {"ShardId", d["StreamDescription"]["Shards"][0]["ShardId"]},
                           {"ShardIteratorType", "TRIM_HORIZON"}})["ShardIterator"]
                  .get<std::string>();
    REQUIRE(it.size() > arn.size() + 3);
    CHECK(it.substr(0, arn.size() + 3) == arn + "|1|");
    auto next = stream_call(f, "GetRecords", {{"ShardIterator", it}})["NextShardIterator"]
                    .get<std::string>();
    CHECK(next.substr(0, arn.size() + 3) == arn + "|1|");
}

TEST_CASE("Streams: records expire after 24 hours on the clock", "[service]") {
    ddb_fixture f;
    auto arn = streamed_table(f, "KEYS_ONLY");
    f.put("things", {{"pk", S("a")}});
    f.c.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 90000})");
    auto r = records_from(f, arn, {{"ShardIteratorType", "TRIM_HORIZON"}});
    CHECK(r["Records"].empty());
}

TEST_CASE("TTL: the sweep deletes expired items with a service REMOVE record", "[service]") {
    ddb_fixture f;
    auto arn = streamed_table(f, "OLD_IMAGE");
    f.ok("UpdateTimeToLive",
         {{"TableName", "things"},
          {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "expires"}}}});
    f.c.request("POST", "/_cloudbox/clock", R"({"freeze": true, "set": "2030-01-01T00:00:00Z"})");
    f.put("things", {{"pk", S("old")}, {"expires", N("1893455000")}});   // 2029-12-31
    f.put("things", {{"pk", S("young")}, {"expires", N("1893457000")}}); // 2030-01-01 00:16
    f.put("things", {{"pk", S("none")}});
    auto sweep = f.c.request("POST", "/_cloudbox/dynamodb/ttl-sweep");
    CHECK(json::parse(sweep.body)["deleted"] == 1);
    CHECK(f.ok("Scan", {{"TableName", "things"}})["Count"] == 2);
    auto r = records_from(f, arn, {{"ShardIteratorType", "TRIM_HORIZON"}});
    REQUIRE(r["Records"].size() == 4);
    const json& removal = r["Records"][3];
    CHECK(removal["eventName"] == "REMOVE");
    CHECK(removal["userIdentity"] ==
          json{{"type", "Service"}, {"principalId", "dynamodb.amazonaws.com"}});
    CHECK(removal["dynamodb"]["OldImage"]["pk"] == S("old"));
}

TEST_CASE("TTL: requests sweep lazily once a minute of clock time has passed", "[service]") {
    ddb_fixture f;
    f.make_table("things");
    f.ok("UpdateTimeToLive",
         {{"TableName", "things"},
          {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "expires"}}}});
    f.c.request("POST", "/_cloudbox/clock", R"({"freeze": true, "set": "2030-01-01T00:00:00Z"})");
    f.put("things", {{"pk", S("soon")}, {"expires", N("1893456030")}}); // 00:00:30
    CHECK(f.ok("Scan", {{"TableName", "things"}})["Count"] == 1);
    f.c.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 61})");
    CHECK(f.ok("Scan", {{"TableName", "things"}})["Count"] == 0);
}
