// SES v2 DeleteEmailIdentity: removes; NotFoundException for unknown identities.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 DeleteEmailIdentity: removes the identity", "[service]") {
    ses_fixture f;
    f.verify("a@example.com");
    auto r = v2_ok(f.v2("DELETE", "/v2/email/identities/a@example.com"));
    CHECK(r == json::object());
    check_v2_error(f.v2("GET", "/v2/email/identities/a@example.com"), 404, "NotFoundException");
}

TEST_CASE("SESv2 DeleteEmailIdentity: NotFoundException", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("DELETE", "/v2/email/identities/ghost.example"), 404, "NotFoundException",
                   "Email identity ghost.example does not exist.");
}
