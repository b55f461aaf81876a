// DeleteIdentity: removes an identity; unknown identities succeed.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteIdentity: removes it; unknown is fine", "[service]") {
    ses_fixture f;
    f.verify("a@example.com");
    check_query_ok(f.query("DeleteIdentity", {{"Identity", "a@example.com"}}), "DeleteIdentity");
    CHECK(f.query("ListIdentities").body.find("a@example.com") == std::string::npos);
    check_query_ok(f.query("DeleteIdentity", {{"Identity", "never@example.com"}}),
                   "DeleteIdentity");
}

TEST_CASE("DeleteIdentity: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("DeleteIdentity"), "ValidationError",
                      "1 validation error detected: Value null at 'identity' failed to satisfy "
                      "constraint: Member must not be null");
}
