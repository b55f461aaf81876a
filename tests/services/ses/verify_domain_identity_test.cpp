// VerifyDomainIdentity: a token, stable across calls; the domain verifies its addresses.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("VerifyDomainIdentity: returns a stable token", "[service]") {
    ses_fixture f;
    auto r = f.query("VerifyDomainIdentity", {{"Domain", "example.org"}});
    check_query_ok(r, "VerifyDomainIdentity");
    std::string token = xml_find(r.body, "VerificationToken");
    CHECK(token.size() == 44);
    auto again = f.query("VerifyDomainIdentity", {{"Domain", "example.org"}});
    CHECK(xml_find(again.body, "VerificationToken") == token);
    auto attrs =
        f.query("GetIdentityVerificationAttributes", {{"Identities.member.1", "example.org"}});
    CHECK(xml_find(attrs.body, "VerificationToken") == token);
}

TEST_CASE("VerifyDomainIdentity: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("VerifyDomainIdentity"), "ValidationError",
                      "1 validation error detected: Value null at 'domain' failed to satisfy "
                      "constraint: Member must not be null");
    check_query_error(f.query("VerifyDomainIdentity", {{"Domain", "bad_domain!"}}),
                      "InvalidParameterValue", "Invalid domain name bad_domain!.");
}
