// GetLogEvents: head/tail, limits and tokens.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetLogEvents: the tail by default, the head on request, paging forward", "[service]") {
    logs_fixture f;
    f.seed("g", "s", {{1, "a"}, {2, "b"}, {3, "c"}});
    json q = {{"logGroupName", "g"}, {"logStreamName", "s"}, {"limit", 2}};
    auto tail = f.ok("GetLogEvents", q);
    REQUIRE(tail["events"].size() == 2);
    CHECK(tail["events"][0]["message"] == "b");
    CHECK(tail["events"][1]["message"] == "c");
    q["startFromHead"] = true;
    auto head = f.ok("GetLogEvents", q);
    CHECK(head["events"][0]["message"] == "a");
    q["nextToken"] = head["nextForwardToken"];
    auto next = f.ok("GetLogEvents", q);
    REQUIRE(next["events"].size() == 1);
    CHECK(next["events"][0]["message"] == "c");
    q["nextToken"] = next["nextForwardToken"];
    auto end = f.ok("GetLogEvents", q);
    CHECK(end["events"].empty());
    CHECK(end["nextForwardToken"] == next["nextForwardToken"]);
}

TEST_CASE("GetLogEvents: errors", "[service]") {
    logs_fixture f;
    f.seed("g", "s", {{1, "a"}});
    check_logs_error(f.call("GetLogEvents", json{{"logGroupName", "g"}, {"logStreamName", "x"}}),
                     "ResourceNotFoundException", "The specified log stream does not exist.");
    check_logs_error(f.call("GetLogEvents", json{{"logGroupName", "g"}}),
                     "InvalidParameterException");
    check_logs_error(
        f.call("GetLogEvents",
               json{{"logGroupName", "g"}, {"logStreamName", "s"}, {"nextToken", "zz"}}),
        "InvalidParameterException", "The specified nextToken is invalid.");
}
