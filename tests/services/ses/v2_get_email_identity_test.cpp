// SES v2 GetEmailIdentity: details of a known identity; NotFoundException.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 GetEmailIdentity: details", "[service]") {
    ses_fixture f;
    auto created =
        v2_ok(f.v2("POST", "/v2/email/identities", json{{"EmailIdentity", "example.com"}}));
    auto r = v2_ok(f.v2("GET", "/v2/email/identities/example.com"));
    CHECK(r["IdentityType"] == "DOMAIN");
    CHECK(r["VerificationStatus"] == "SUCCESS");
    CHECK(r["VerifiedForSendingStatus"] == true);
    CHECK(r["DkimAttributes"]["Tokens"] == created["DkimAttributes"]["Tokens"]);
    f.verify("a+b@example.com");
    auto email = v2_ok(f.v2("GET", "/v2/email/identities/a%2Bb%40example.com"));
    CHECK(email["IdentityType"] == "EMAIL_ADDRESS");
}

TEST_CASE("SESv2 GetEmailIdentity: NotFoundException", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("GET", "/v2/email/identities/none%40example.com"), 404, "NotFoundException",
                   "Email identity none@example.com does not exist.");
    check_v2_error(f.v2("PATCH", "/v2/email/identities/x"), 404, "UnknownOperationException");
}
