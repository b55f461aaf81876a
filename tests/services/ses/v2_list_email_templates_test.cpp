// SES v2 ListEmailTemplates: epoch-second timestamps, PageSize, NextToken.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 ListEmailTemplates: pages", "[service]") {
    ses_fixture f;
    REQUIRE(f.c.request("POST", "/_cloudbox/clock",
                        R"({"freeze": true, "set": "2026-01-01T00:00:00Z"})")
                .status == 200);
    for (const char* name : {"b", "a", "c"}) {
        v2_ok(f.v2("POST", "/v2/email/templates",
                   json{{"TemplateName", name}, {"TemplateContent", {{"Subject", "s"}}}}));
    }
    auto page1 = v2_ok(f.v2("GET", "/v2/email/templates?PageSize=2"));
    REQUIRE(page1["TemplatesMetadata"].size() == 2);
    CHECK(page1["TemplatesMetadata"][0]["TemplateName"] == "a");
    CHECK(page1["TemplatesMetadata"][0]["CreatedTimestamp"] == 1767225600.0);
    auto page2 =
        v2_ok(f.v2("GET", "/v2/email/templates?PageSize=2&NextToken=" +
                              cloudbox::core::url_encode(page1["NextToken"].get<std::string>())));
    REQUIRE(page2["TemplatesMetadata"].size() == 1);
    CHECK(page2["TemplatesMetadata"][0]["TemplateName"] == "c");
}

TEST_CASE("SESv2 ListEmailTemplates: validation errors", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("GET", "/v2/email/templates?PageSize=0"), 400, "BadRequestException",
                   "Invalid page size. Page size must be between 1 and 100.");
    check_v2_error(f.v2("GET", "/v2/email/templates?PageSize=x"), 400, "BadRequestException");
}
