// VerifyEmailAddress: the deprecated form, answered without a Result element.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("VerifyEmailAddress: no result element, identity verified", "[service]") {
    ses_fixture f;
    auto r = f.query("VerifyEmailAddress", {{"EmailAddress", "old@example.com"}});
    check_query_ok(r, "VerifyEmailAddress");
    CHECK(r.body.find("Result") == std::string::npos);
    auto list = f.query("ListIdentities", {{"IdentityType", "EmailAddress"}});
    CHECK(xml_find(list.body, "member") == "old@example.com");
}

TEST_CASE("VerifyEmailAddress: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("VerifyEmailAddress"), "ValidationError",
                      "1 validation error detected: Value null at 'emailAddress' failed to "
                      "satisfy constraint: Member must not be null");
    check_query_error(f.query("VerifyEmailAddress", {{"EmailAddress", "a b@example.com"}}),
                      "InvalidParameterValue", "Invalid email address a b@example.com.");
}
