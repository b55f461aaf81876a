// SES v2 UpdateEmailTemplate: replaces content; NotFoundException; validation.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 UpdateEmailTemplate: replaces the content", "[service]") {
    ses_fixture f;
    v2_ok(f.v2("POST", "/v2/email/templates",
               json{{"TemplateName", "t"}, {"TemplateContent", {{"Subject", "old"}}}}));
    v2_ok(f.v2("PUT", "/v2/email/templates/t",
               json{{"TemplateContent", {{"Subject", "new"}, {"Text", "body"}}}}));
    auto r = v2_ok(f.v2("GET", "/v2/email/templates/t"));
    CHECK(r["TemplateContent"] == json{{"Subject", "new"}, {"Text", "body"}});
}

TEST_CASE("SESv2 UpdateEmailTemplate: errors", "[service]") {
    ses_fixture f;
    check_v2_error(
        f.v2("PUT", "/v2/email/templates/none", json{{"TemplateContent", {{"Subject", "s"}}}}), 404,
        "NotFoundException", "Template none does not exist.");
    check_v2_error(f.v2("PUT", "/v2/email/templates/none", json::object()), 400,
                   "BadRequestException",
                   "1 validation error detected: Value null at 'templateContent' failed to "
                   "satisfy constraint: Member must not be null");
    check_v2_error(f.v2("PUT", "/v2/email/templates/none", std::string("{")), 400,
                   "BadRequestException", "Could not parse the request body as JSON.");
}
