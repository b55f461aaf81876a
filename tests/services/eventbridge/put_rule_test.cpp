// PutRule: serialization errors, validation (AWS's messages), create and update.
#include "eventbridge_test_support.hpp"

using namespace cloudbox::test;
using nlohmann::json;

TEST_CASE("PutRule: malformed JSON and wrong types are SerializationException", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = events_call_raw(c, "PutRule", "{not json");
    CHECK(r.status == 400);
    CHECK(r.error_type() == "SerializationException");
    r = events_call(c, "PutRule", {{"Name", 12}, {"ScheduleExpression", "rate(1 hour)"}});
    CHECK(r.error_type() == "SerializationException");
    r = events_call(c, "NoSuchOperation", json::object());
    CHECK(r.error_type() == "UnknownOperationException");
}

TEST_CASE("PutRule: validation errors", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = events_call(c, "PutRule", {{"ScheduleExpression", "rate(1 hour)"}});
    CHECK(r.error_type() == "ValidationException");
    CHECK(r.message() == "1 validation error detected: Value null at 'name' failed to satisfy "
                         "constraint: Member must not be null");
    r = events_call(c, "PutRule", {{"Name", "bad name"}, {"ScheduleExpression", "rate(1 hour)"}});
    CHECK(r.message() == "1 validation error detected: Value 'bad name' at 'name' failed to "
                         "satisfy constraint: Member must satisfy regular expression pattern: "
                         "[\\.\\-_A-Za-z0-9]+");
    r = events_call(c, "PutRule", {{"Name", "r"}});
    CHECK(r.message() == "Parameter(s) EventPattern or ScheduleExpression must be specified.");
    r = events_call(c, "PutRule", {{"Name", "r"}, {"ScheduleExpression", "rate(1 hours)"}});
    CHECK(r.message() == "Parameter ScheduleExpression is not valid.");
    r = events_call(c, "PutRule",
                    {{"Name", "r"}, {"ScheduleExpression", "rate(1 hour)"}, {"State", "ON"}});
    CHECK(r.error_type() == "ValidationException");
    r = events_call(
        c, "PutRule",
        {{"Name", "r"}, {"ScheduleExpression", "rate(1 hour)"}, {"EventBusName", "custom"}});
    CHECK(r.error_type() == "ResourceNotFoundException");
    CHECK(r.message() == "Event bus custom does not exist.");
}

TEST_CASE("PutRule: creates a rule, and a second call updates it", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = events_call(c, "PutRule",
                         {{"Name", "nightly"},
                          {"ScheduleExpression", "cron(0 3 * * ? *)"},
                          {"Description", "purge"}});
    REQUIRE(r.status == 200);
    CHECK(r.body["RuleArn"] == "arn:aws:events:us-east-1:000000000000:rule/nightly");

    r = events_call(
        c, "PutRule",
        {{"Name", "nightly"}, {"ScheduleExpression", "rate(1 hour)"}, {"State", "DISABLED"}});
    REQUIRE(r.status == 200);
    auto d = events_call(c, "DescribeRule", {{"Name", "nightly"}});
    CHECK(d.body["ScheduleExpression"] == "rate(1 hour)");
    CHECK(d.body["State"] == "DISABLED");
    CHECK_FALSE(d.body.contains("Description")); // a PutRule replaces every member
    CHECK(d.body["EventBusName"] == "default");
    CHECK(d.body["CreatedBy"] == "000000000000");
}
