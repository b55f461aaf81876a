// CreateLogStream.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("CreateLogStream: in an existing group", "[service]") {
    logs_fixture f;
    f.ok("CreateLogGroup", {{"logGroupName", "g"}});
    f.ok("CreateLogStream", {{"logGroupName", "g"}, {"logStreamName", "s"}});
    check_logs_error(f.call("CreateLogStream", json{{"logGroupName", "g"}, {"logStreamName", "s"}}),
                     "ResourceAlreadyExistsException", "The specified log stream already exists");
}

TEST_CASE("CreateLogStream: errors", "[service]") {
    logs_fixture f;
    check_logs_error(f.call("CreateLogStream", json{{"logGroupName", "g"}, {"logStreamName", "s"}}),
                     "ResourceNotFoundException", "The specified log group does not exist.");
    check_logs_error(f.call("CreateLogStream", json{{"logGroupName", "g"}}),
                     "InvalidParameterException");
    check_logs_error(
        f.call("CreateLogStream", json{{"logGroupName", "g"}, {"logStreamName", "a:b"}}),
        "InvalidParameterException");
}
