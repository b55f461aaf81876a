// GetSendQuota: production or sandbox limits, recipients sent in the last 24 hours.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetSendQuota: counts recipients over 24 hours", "[service]") {
    ses_fixture f;
    REQUIRE(f.c.request("POST", "/_cloudbox/clock", R"({"freeze": true})").status == 200);
    auto params = simple_email();
    params.emplace_back("Destination.CcAddresses.member.1", "cc@example.com");
    check_query_ok(f.query("SendEmail", params), "SendEmail");
    auto r = f.query("GetSendQuota");
    check_query_ok(r, "GetSendQuota");
    CHECK(xml_find(r.body, "Max24HourSend") == "50000.0");
    CHECK(xml_find(r.body, "MaxSendRate") == "14.0");
    CHECK(xml_find(r.body, "SentLast24Hours") == "2.0");
    REQUIRE(f.c.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 90000})").status == 200);
    CHECK(xml_find(f.query("GetSendQuota").body, "SentLast24Hours") == "0.0");
}

TEST_CASE("GetSendQuota: sandbox limits", "[service]") {
    ses_fixture f(sandboxed());
    auto r = f.query("GetSendQuota");
    CHECK(xml_find(r.body, "Max24HourSend") == "200.0");
    CHECK(xml_find(r.body, "MaxSendRate") == "1.0");
}

TEST_CASE("GetSendQuota: a malformed form body is a query error", "[service]") {
    ses_fixture f;
    auto r = f.c.request("POST", "/", "Action=GetSendQuota&%",
                         {{"content-type", "application/x-www-form-urlencoded"}});
    check_query_error(r, "MalformedQueryString");
}
