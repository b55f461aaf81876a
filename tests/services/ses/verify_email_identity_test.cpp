// VerifyEmailIdentity: registers and verifies at once, idempotent; protocol and validation errors.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("VerifyEmailIdentity: verified at once and listed", "[service]") {
    ses_fixture f;
    auto r = f.query("VerifyEmailIdentity", {{"EmailAddress", "a@example.com"}});
    check_query_ok(r, "VerifyEmailIdentity");
    CHECK(r.body.find("<VerifyEmailIdentityResult>") != std::string::npos);
    check_query_ok(f.query("VerifyEmailIdentity", {{"EmailAddress", "a@example.com"}}),
                   "VerifyEmailIdentity");
    auto attrs =
        f.query("GetIdentityVerificationAttributes", {{"Identities.member.1", "a@example.com"}});
    CHECK(xml_find(attrs.body, "VerificationStatus") == "Success");
    auto list = f.query("ListIdentities");
    CHECK(xml_find(list.body, "member") == "a@example.com");
}

TEST_CASE("VerifyEmailIdentity: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("VerifyEmailIdentity"), "ValidationError",
                      "1 validation error detected: Value null at 'emailAddress' failed to "
                      "satisfy constraint: Member must not be null");
    check_query_error(f.query("VerifyEmailIdentity", {{"EmailAddress", "not-an-address"}}),
                      "InvalidParameterValue", "Invalid email address not-an-address.");
}

TEST_CASE("SES v1: serialization errors", "[service]") {
    ses_fixture f;
    auto bad = f.c.request("POST", "/", "Action=VerifyEmailIdentity&EmailAddress=%zz",
                           {{"content-type", "application/x-www-form-urlencoded"}});
    check_query_error(bad, "MalformedQueryString",
                      "The request body is not a valid form encoding.");
    auto no_action = f.c.request("POST", "/", "Version=2010-12-01",
                                 {{"content-type", "application/x-www-form-urlencoded"}});
    check_query_error(no_action, "MissingAction", "Missing Action");
    check_query_error(f.query("SendBounce"), "InvalidAction",
                      "The action SendBounce is not valid for this web service.");
}
