// FilterLogEvents: streams, time range, terms, paging.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("FilterLogEvents: interleaves streams, filters terms and times", "[service]") {
    logs_fixture f;
    f.seed("g", "s1", {{10, "START a"}, {30, "ERROR bad thing"}});
    f.seed("g", "s2", {{20, "START b"}});
    auto all = f.ok("FilterLogEvents", {{"logGroupName", "g"}})["events"];
    REQUIRE(all.size() == 3);
    CHECK(all[1]["logStreamName"] == "s2");
    CHECK(f.ok("FilterLogEvents", {{"logGroupName", "g"}, {"filterPattern", "START"}})["events"]
              .size() == 2);
    CHECK(f.ok("FilterLogEvents",
               {{"logGroupName", "g"}, {"filterPattern", "\"bad thing\""}})["events"]
              .size() == 1);
    CHECK(f.ok("FilterLogEvents",
               {{"logGroupName", "g"}, {"startTime", 15}, {"endTime", 30}})["events"]
              .size() == 1);
    CHECK(f.ok("FilterLogEvents", {{"logGroupName", "g"}, {"logStreamNames", {"s1"}}})["events"]
              .size() == 2);
    auto page = f.ok("FilterLogEvents", {{"logGroupName", "g"}, {"limit", 2}});
    REQUIRE(page.contains("nextToken"));
    auto rest = f.ok("FilterLogEvents", {{"logGroupName", "g"}, {"nextToken", page["nextToken"]}});
    CHECK(rest["events"].size() == 1);
}

TEST_CASE("FilterLogEvents: errors", "[service]") {
    logs_fixture f;
    check_logs_error(f.call("FilterLogEvents", json::object()), "InvalidParameterException");
    check_logs_error(f.call("FilterLogEvents", json{{"logGroupName", "none"}}),
                     "ResourceNotFoundException");
    f.ok("CreateLogGroup", {{"logGroupName", "g"}});
    check_logs_error(f.call("FilterLogEvents", json{{"logGroupName", "g"},
                                                    {"logStreamNames", {"a"}},
                                                    {"logStreamNamePrefix", "a"}}),
                     "InvalidParameterException");
}
