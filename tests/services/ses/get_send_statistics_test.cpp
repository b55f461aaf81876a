// GetSendStatistics: delivery attempts per 15-minute interval over two weeks.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetSendStatistics: buckets of 15 minutes", "[service]") {
    ses_fixture f;
    REQUIRE(f.c.request("POST", "/_cloudbox/clock",
                        R"({"freeze": true, "set": "2026-05-01T12:05:00Z"})")
                .status == 200);
    check_query_ok(f.query("SendEmail", simple_email()), "SendEmail");
    check_query_ok(f.query("SendEmail", simple_email()), "SendEmail");
    REQUIRE(f.c.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 900})").status == 200);
    check_query_ok(f.query("SendEmail", simple_email()), "SendEmail");
    auto r = f.query("GetSendStatistics");
    check_query_ok(r, "GetSendStatistics");
    auto doc = cloudbox::protocol::parse_xml(r.body);
    auto* points = doc->child("GetSendStatisticsResult")->child("SendDataPoints");
    REQUIRE(points->children.size() == 2);
    CHECK(points->children[0].child_text("Timestamp") == "2026-05-01T12:00:00Z");
    CHECK(points->children[0].child_text("DeliveryAttempts") == "2");
    CHECK(points->children[0].child_text("Bounces") == "0");
    CHECK(points->children[1].child_text("DeliveryAttempts") == "1");
    REQUIRE(f.c.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 1300000})").status ==
            200);
    auto later = f.query("GetSendStatistics");
    CHECK(later.body.find("<member>") == std::string::npos);
}

TEST_CASE("GetSendStatistics: a GET query works too; unknown actions fail", "[service]") {
    ses_fixture f;
    auto r = f.c.request("GET", "/?Action=GetSendStatistics&Version=2010-12-01");
    check_query_ok(r, "GetSendStatistics");
    check_query_error(f.c.request("GET", "/?Action=Nope"), "InvalidAction",
                      "The action Nope is not valid for this web service.");
}
