// CreateLogGroup.
#include "logs/logs_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("CreateLogGroup: creates once", "[service]") {
    logs_fixture f;
    f.ok("CreateLogGroup", {{"logGroupName", "/app/one"}});
    check_logs_error(f.call("CreateLogGroup", json{{"logGroupName", "/app/one"}}),
                     "ResourceAlreadyExistsException", "The specified log group already exists");
    auto groups = f.ok("DescribeLogGroups", json::object())["logGroups"];
    REQUIRE(groups.size() == 1);
    CHECK(groups[0]["logGroupName"] == "/app/one");
}

TEST_CASE("CreateLogGroup: serialization and validation errors", "[service]") {
    logs_fixture f;
    check_logs_error(f.call("CreateLogGroup", std::string("{bad")), "SerializationException");
    check_logs_error(f.call("CreateLogGroup", json{{"logGroupName", 5}}), "SerializationException");
    check_logs_error(f.call("CreateLogGroup", json::object()), "InvalidParameterException",
                     "1 validation error detected: Value null at 'logGroupName' failed to "
                     "satisfy constraint: Member must not be null");
    check_logs_error(f.call("CreateLogGroup", json{{"logGroupName", "a b"}}),
                     "InvalidParameterException");
    check_logs_error(f.call("NoSuchOperation", json::object()), "UnknownOperationException");
}
