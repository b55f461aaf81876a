// SES v2 GetAccount: production access unless sandboxed; the send quota.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 GetAccount: production account", "[service]") {
    ses_fixture f;
    check_query_ok(f.query("SendEmail", simple_email()), "SendEmail");
    auto r = v2_ok(f.v2("GET", "/v2/email/account"));
    CHECK(r["ProductionAccessEnabled"] == true);
    CHECK(r["SendingEnabled"] == true);
    CHECK(r["EnforcementStatus"] == "HEALTHY");
    CHECK(r["SendQuota"] ==
          json{{"Max24HourSend", 50000.0}, {"MaxSendRate", 14.0}, {"SentLast24Hours", 1.0}});
}

TEST_CASE("SESv2 GetAccount: sandbox; wrong method", "[service]") {
    ses_fixture f(sandboxed());
    auto r = v2_ok(f.v2("GET", "/v2/email/account"));
    CHECK(r["ProductionAccessEnabled"] == false);
    CHECK(r["SendQuota"]["Max24HourSend"] == 200.0);
    check_v2_error(f.v2("POST", "/v2/email/account", json::object()), 404,
                   "UnknownOperationException");
}
