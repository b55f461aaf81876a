// SES v2 CreateEmailIdentity: email and domain identities, AlreadyExists, validation.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 CreateEmailIdentity: email and domain", "[service]") {
    ses_fixture f;
    auto email =
        v2_ok(f.v2("POST", "/v2/email/identities", json{{"EmailIdentity", "a@example.com"}}));
    CHECK(email["IdentityType"] == "EMAIL_ADDRESS");
    CHECK(email["VerifiedForSendingStatus"] == true);
    CHECK(email["DkimAttributes"]["Status"] == "NOT_STARTED");
    auto domain =
        v2_ok(f.v2("POST", "/v2/email/identities", json{{"EmailIdentity", "example.com"}}));
    CHECK(domain["IdentityType"] == "DOMAIN");
    CHECK(domain["DkimAttributes"]["Tokens"].size() == 3);
    // v1 sees them too.
    auto attrs =
        f.query("GetIdentityVerificationAttributes", {{"Identities.member.1", "a@example.com"}});
    CHECK(xml_find(attrs.body, "VerificationStatus") == "Success");
}

TEST_CASE("SESv2 CreateEmailIdentity: errors", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("POST", "/v2/email/identities", json::object()), 400, "BadRequestException",
                   "1 validation error detected: Value null at 'emailIdentity' failed to "
                   "satisfy constraint: Member must not be null");
    check_v2_error(f.v2("POST", "/v2/email/identities", json{{"EmailIdentity", 5}}), 400,
                   "BadRequestException",
                   "1 validation error detected: Value at 'emailIdentity' failed to satisfy "
                   "constraint: Member must be a string");
    check_v2_error(f.v2("POST", "/v2/email/identities", json{{"EmailIdentity", "a@b@"}}), 400,
                   "BadRequestException", "Invalid email address a@b@.");
    f.verify("dup@example.com");
    check_v2_error(f.v2("POST", "/v2/email/identities", json{{"EmailIdentity", "dup@example.com"}}),
                   400, "AlreadyExistsException", "Email identity dup@example.com already exist.");
}
