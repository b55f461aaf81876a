// DeleteLogGroup.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteLogGroup: removes the group and its events", "[service]") {
    logs_fixture f;
    f.seed("g", "s", {{1, "a"}});
    f.ok("DeleteLogGroup", {{"logGroupName", "g"}});
    check_logs_error(f.call("GetLogEvents", json{{"logGroupName", "g"}, {"logStreamName", "s"}}),
                     "ResourceNotFoundException");
    check_logs_error(f.call("DeleteLogGroup", json{{"logGroupName", "g"}}),
                     "ResourceNotFoundException", "The specified log group does not exist.");
    check_logs_error(f.call("DeleteLogGroup", json::object()), "InvalidParameterException");
}
