// GetIdentityVerificationAttributes: known identities only, domain tokens, limits.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetIdentityVerificationAttributes: map of known identities", "[service]") {
    ses_fixture f;
    f.verify("a@example.com");
    auto r = f.query(
        "GetIdentityVerificationAttributes",
        {{"Identities.member.1", "a@example.com"}, {"Identities.member.2", "unknown@example.com"}});
    check_query_ok(r, "GetIdentityVerificationAttributes");
    CHECK(r.body.find("<entry><key>a@example.com</key><value><VerificationStatus>Success"
                      "</VerificationStatus></value></entry>") != std::string::npos);
    CHECK(r.body.find("unknown@example.com") == std::string::npos);
}

TEST_CASE("GetIdentityVerificationAttributes: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("GetIdentityVerificationAttributes"), "ValidationError",
                      "1 validation error detected: Value null at 'identities' failed to "
                      "satisfy constraint: Member must not be null");
    form_params many;
    for (int i = 1; i <= 101; ++i) {
        many.emplace_back("Identities.member." + std::to_string(i), "x@example.com");
    }
    check_query_error(f.query("GetIdentityVerificationAttributes", many), "ValidationError",
                      "1 validation error detected: Value at 'identities' failed to satisfy "
                      "constraint: Member must have length less than or equal to 100");
}
