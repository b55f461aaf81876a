// PutLogEvents.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutLogEvents: appends in order", "[service]") {
    logs_fixture f;
    f.seed("g", "s", {{1, "one"}, {2, "two"}});
    auto events =
        f.ok("GetLogEvents",
             {{"logGroupName", "g"}, {"logStreamName", "s"}, {"startFromHead", true}})["events"];
    REQUIRE(events.size() == 2);
    CHECK(events[1]["message"] == "two");
}

TEST_CASE("PutLogEvents: errors", "[service]") {
    logs_fixture f;
    f.ok("CreateLogGroup", {{"logGroupName", "g"}});
    f.ok("CreateLogStream", {{"logGroupName", "g"}, {"logStreamName", "s"}});
    json base = {{"logGroupName", "g"}, {"logStreamName", "s"}};
    json unordered = base;
    unordered["logEvents"] = {{{"timestamp", 2}, {"message", "b"}},
                              {{"timestamp", 1}, {"message", "a"}}};
    check_logs_error(f.call("PutLogEvents", unordered), "InvalidParameterException",
                     "Log events in a single PutLogEvents request must be in chronological order.");
    json bad = base;
    bad["logEvents"] = {{{"timestamp", "x"}, {"message", "a"}}};
    check_logs_error(f.call("PutLogEvents", bad), "SerializationException");
    check_logs_error(f.call("PutLogEvents", base), "InvalidParameterException");
    json missing = {{"logGroupName", "g"},
                    {"logStreamName", "none"},
                    {"logEvents", {{{"timestamp", 1}, {"message", "a"}}}}};
    check_logs_error(f.call("PutLogEvents", missing), "ResourceNotFoundException",
                     "The specified log stream does not exist.");
}
