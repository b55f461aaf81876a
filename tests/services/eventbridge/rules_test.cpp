// DescribeRule, ListRules, EnableRule, DisableRule, DeleteRule.
#include "eventbridge_test_support.hpp"

using namespace cloudbox::test;
using nlohmann::json;

TEST_CASE("DescribeRule / EnableRule / DisableRule: a missing rule is ResourceNotFound",
          "[service]") {
    test_server srv;
    http_client c(srv.port());
    for (const char* op : {"DescribeRule", "EnableRule", "DisableRule"}) {
        auto r = events_call(c, op, {{"Name", "ghost"}});
        CHECK(r.status == 400);
        CHECK(r.error_type() == "ResourceNotFoundException");
        CHECK(r.message() == "Rule ghost does not exist on EventBus default.");
    }
}

TEST_CASE("ListRules: NamePrefix and Limit / NextToken paging", "[service]") {
    test_server srv;
    http_client c(srv.port());
    for (const char* name : {"b-two", "a-one", "b-one", "b-three"}) {
        REQUIRE(events_call(c, "PutRule", {{"Name", name}, {"ScheduleExpression", "rate(1 day)"}})
                    .status == 200);
    }
    auto r = events_call(c, "ListRules", {{"NamePrefix", "b-"}, {"Limit", 2}});
    REQUIRE(r.body["Rules"].size() == 2);
    CHECK(r.body["Rules"][0]["Name"] == "b-one");
    CHECK(r.body["Rules"][1]["Name"] == "b-three");
    REQUIRE(r.body.contains("NextToken"));
    r = events_call(c, "ListRules",
                    {{"NamePrefix", "b-"}, {"Limit", 2}, {"NextToken", r.body["NextToken"]}});
    REQUIRE(r.body["Rules"].size() == 1);
    CHECK(r.body["Rules"][0]["Name"] == "b-two");
    CHECK_FALSE(r.body.contains("NextToken"));
    CHECK(events_call(c, "ListRules", {{"Limit", 0}}).error_type() == "ValidationException");
    CHECK(events_call(c, "ListRules", {{"NextToken", "!!"}}).error_type() == "ValidationException");
}

TEST_CASE("DisableRule / EnableRule switch the state; DeleteRule needs the targets gone",
          "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(events_call(c, "PutRule", {{"Name", "r"}, {"ScheduleExpression", "rate(5 minutes)"}})
                .status == 200);
    CHECK(events_call(c, "DisableRule", {{"Name", "r"}}).status == 200);
    CHECK(events_call(c, "DescribeRule", {{"Name", "r"}}).body["State"] == "DISABLED");
    CHECK(events_call(c, "EnableRule", {{"Name", "r"}}).status == 200);
    CHECK(events_call(c, "DescribeRule", {{"Name", "r"}}).body["State"] == "ENABLED");

    REQUIRE(events_call(c, "PutTargets",
                        {{"Rule", "r"},
                         {"Targets",
                          {{{"Id", "t1"},
                            {"Arn", "arn:aws:lambda:us-east-1:"
                                    "000000000000:function:f"}}}}})
                .status == 200);
    auto r = events_call(c, "DeleteRule", {{"Name", "r"}});
    CHECK(r.error_type() == "ValidationException");
    CHECK(r.message() == "Rule can't be deleted since it has targets.");
    REQUIRE(events_call(c, "RemoveTargets", {{"Rule", "r"}, {"Ids", {"t1"}}}).status == 200);
    CHECK(events_call(c, "DeleteRule", {{"Name", "r"}}).status == 200);
    CHECK(events_call(c, "DescribeRule", {{"Name", "r"}}).error_type() ==
          "ResourceNotFoundException");
    // deleting what is not there succeeds, as on AWS
    CHECK(events_call(c, "DeleteRule", {{"Name", "r"}}).status == 200);
}
