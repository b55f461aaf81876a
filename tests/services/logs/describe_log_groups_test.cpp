// DescribeLogGroups: prefix and paging.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DescribeLogGroups: by prefix, paged", "[service]") {
    logs_fixture f;
    for (const char* g : {"/aws/lambda/b", "/aws/lambda/a", "/other"}) {
        f.ok("CreateLogGroup", {{"logGroupName", g}});
    }
    auto page = f.ok("DescribeLogGroups", {{"logGroupNamePrefix", "/aws/lambda/"}, {"limit", 1}});
    REQUIRE(page["logGroups"].size() == 1);
    CHECK(page["logGroups"][0]["logGroupName"] == "/aws/lambda/a");
    CHECK(page["logGroups"][0]["arn"] ==
          "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/a:*");
    auto next = f.ok("DescribeLogGroups",
                     {{"logGroupNamePrefix", "/aws/lambda/"}, {"nextToken", page["nextToken"]}});
    REQUIRE(next["logGroups"].size() == 1);
    CHECK(next["logGroups"][0]["logGroupName"] == "/aws/lambda/b");
    CHECK_FALSE(next.contains("nextToken"));
}

TEST_CASE("DescribeLogGroups: errors", "[service]") {
    logs_fixture f;
    check_logs_error(f.call("DescribeLogGroups", json{{"limit", 0}}), "InvalidParameterException",
                     "1 validation error detected: Value '0' at 'limit' failed to satisfy "
                     "constraint: Member must have value greater than or equal to 1");
    check_logs_error(f.call("DescribeLogGroups", json{{"limit", "x"}}), "SerializationException");
}
