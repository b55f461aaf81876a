// SES v2 ListEmailIdentities: all types, PageSize and NextToken.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 ListEmailIdentities: pages", "[service]") {
    ses_fixture f;
    f.verify("b@example.com");
    f.verify("a@example.com");
    f.verify("example.com");
    auto page1 = v2_ok(f.v2("GET", "/v2/email/identities?PageSize=2"));
    REQUIRE(page1["EmailIdentities"].size() == 2);
    CHECK(page1["EmailIdentities"][0] == json{{"IdentityType", "EMAIL_ADDRESS"},
                                              {"IdentityName", "a@example.com"},
                                              {"SendingEnabled", true},
                                              {"VerificationStatus", "SUCCESS"}});
    std::string token = page1["NextToken"];
    auto page2 = v2_ok(f.v2("GET", "/v2/email/identities?PageSize=2&NextToken=" +
                                       cloudbox::core::url_encode(token)));
    REQUIRE(page2["EmailIdentities"].size() == 1);
    CHECK(page2["EmailIdentities"][0]["IdentityType"] == "DOMAIN");
    CHECK(!page2.contains("NextToken"));
}

TEST_CASE("SESv2 ListEmailIdentities: validation errors", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("GET", "/v2/email/identities?PageSize=abc"), 400, "BadRequestException",
                   "1 validation error detected: Value at 'pageSize' failed to satisfy "
                   "constraint: Member must be a number");
    check_v2_error(f.v2("GET", "/v2/email/identities?PageSize=1001"), 400, "BadRequestException",
                   "Invalid page size. Page size must be between 1 and 1000.");
    check_v2_error(f.v2("GET", "/v2/email/identities?NextToken=%21%21"), 400, "BadRequestException",
                   "Invalid NextToken.");
}
