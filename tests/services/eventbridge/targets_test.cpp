// PutTargets, RemoveTargets, ListTargetsByRule.
#include "eventbridge_test_support.hpp"

using namespace cloudbox::test;
using nlohmann::json;

namespace {
json target(const std::string& id) {
    return {{"Id", id}, {"Arn", "arn:aws:lambda:us-east-1:000000000000:function:" + id}};
}
} // namespace

TEST_CASE("PutTargets: serialization and validation errors", "[service]") {
    test_server srv;
    http_client c(srv.port());
    CHECK(
        events_call(c, "PutTargets", {{"Rule", "none"}, {"Targets", {target("a")}}}).error_type() ==
        "ResourceNotFoundException");
    REQUIRE(
        events_call(c, "PutRule", {{"Name", "r"}, {"ScheduleExpression", "rate(1 hour)"}}).status ==
        200);
    CHECK(events_call(c, "PutTargets", {{"Rule", "r"}, {"Targets", "a"}}).error_type() ==
          "SerializationException");
    CHECK(events_call(c, "PutTargets", {{"Rule", "r"}}).message() ==
          "1 validation error detected: Value null at 'targets' failed to satisfy constraint: "
          "Member must not be null");
    CHECK(events_call(c, "PutTargets", {{"Rule", "r"}, {"Targets", json::array()}}).error_type() ==
          "ValidationException");
    json both = target("a");
    both["Input"] = "{}";
    both["InputPath"] = "$.detail";
    CHECK(events_call(c, "PutTargets", {{"Rule", "r"}, {"Targets", {both}}}).message() ==
          "Only one of Input, InputPath, or InputTransformer must be provided.");
    json bad_input = target("a");
    bad_input["Input"] = "{not json";
    CHECK(events_call(c, "PutTargets", {{"Rule", "r"}, {"Targets", {bad_input}}}).error_type() ==
          "ValidationException");
}

TEST_CASE("PutTargets: replaces by Id, at most five per rule; list and remove", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(
        events_call(c, "PutRule", {{"Name", "r"}, {"ScheduleExpression", "rate(1 hour)"}}).status ==
        200);
    auto r = events_call(
        c, "PutTargets",
        {{"Rule", "r"},
         {"Targets", {target("t1"), target("t2"), target("t3"), target("t4"), target("t5")}}});
    REQUIRE(r.status == 200);
    CHECK(r.body == json{{"FailedEntryCount", 0}, {"FailedEntries", json::array()}});
    json replaced = target("t1");
    replaced["Input"] = R"({"k":1})";
    CHECK(events_call(c, "PutTargets", {{"Rule", "r"}, {"Targets", {replaced}}}).status == 200);
    r = events_call(c, "PutTargets", {{"Rule", "r"}, {"Targets", {target("t6")}}});
    CHECK(r.error_type() == "LimitExceededException");

    r = events_call(c, "ListTargetsByRule", {{"Rule", "r"}, {"Limit", 3}});
    REQUIRE(r.body["Targets"].size() == 3);
    CHECK(r.body["Targets"][0] == replaced);
    r = events_call(c, "ListTargetsByRule",
                    {{"Rule", "r"}, {"Limit", 3}, {"NextToken", r.body["NextToken"]}});
    REQUIRE(r.body["Targets"].size() == 2);
    CHECK(r.body["Targets"][1]["Id"] == "t5");

    CHECK(events_call(c, "RemoveTargets", {{"Rule", "r"}, {"Ids", {"t1", "t2", "nope"}}}).status ==
          200);
    r = events_call(c, "ListTargetsByRule", {{"Rule", "r"}});
    CHECK(r.body["Targets"].size() == 3);
}
