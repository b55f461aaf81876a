// DescribeLogStreams: order, prefix, event times.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DescribeLogStreams: by name or by last event time", "[service]") {
    logs_fixture f;
    f.seed("g", "b", {{100, "x"}});
    f.seed("g", "a", {{200, "y"}, {300, "z"}});
    auto by_name = f.ok("DescribeLogStreams", {{"logGroupName", "g"}})["logStreams"];
    REQUIRE(by_name.size() == 2);
    CHECK(by_name[0]["logStreamName"] == "a");
    CHECK(by_name[0]["firstEventTimestamp"] == 200);
    CHECK(by_name[0]["lastEventTimestamp"] == 300);
    auto latest = f.ok(
        "DescribeLogStreams",
        {{"logGroupName", "g"}, {"orderBy", "LastEventTime"}, {"descending", true}, {"limit", 1}});
    CHECK(latest["logStreams"][0]["logStreamName"] == "a");
    CHECK(latest.contains("nextToken"));
}

TEST_CASE("DescribeLogStreams: errors", "[service]") {
    logs_fixture f;
    check_logs_error(f.call("DescribeLogStreams", json{{"logGroupName", "none"}}),
                     "ResourceNotFoundException", "The specified log group does not exist.");
    f.ok("CreateLogGroup", {{"logGroupName", "g"}});
    check_logs_error(f.call("DescribeLogStreams", json{{"logGroupName", "g"}, {"orderBy", "Size"}}),
                     "InvalidParameterException");
    check_logs_error(f.call("DescribeLogStreams", json{{"logGroupName", "g"},
                                                       {"orderBy", "LastEventTime"},
                                                       {"logStreamNamePrefix", "a"}}),
                     "InvalidParameterException",
                     "Cannot order by LastEventTime with a logStreamNamePrefix.");
}
