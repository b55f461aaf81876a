// SES v2 CreateEmailTemplate: stored (shared with v1), AlreadyExists, validation.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 CreateEmailTemplate: visible to v1", "[service]") {
    ses_fixture f;
    auto r = v2_ok(f.v2("POST", "/v2/email/templates",
                        json{{"TemplateName", "v2t"},
                             {"TemplateContent", {{"Subject", "S"}, {"Html", "<b>H</b>"}}}}));
    CHECK(r == json::object());
    auto v1 = f.query("GetTemplate", {{"TemplateName", "v2t"}});
    CHECK(xml_find(v1.body, "SubjectPart") == "S");
    CHECK(xml_find(v1.body, "HtmlPart") == "<b>H</b>");
}

TEST_CASE("SESv2 CreateEmailTemplate: errors", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("POST", "/v2/email/templates", json{{"TemplateContent", json::object()}}),
                   400, "BadRequestException",
                   "1 validation error detected: Value null at 'templateName' failed to "
                   "satisfy constraint: Member must not be null");
    check_v2_error(f.v2("POST", "/v2/email/templates", json{{"TemplateName", "t"}}), 400,
                   "BadRequestException",
                   "1 validation error detected: Value null at 'templateContent' failed to "
                   "satisfy constraint: Member must not be null");
    check_v2_error(f.v2("POST", "/v2/email/templates",
                        json{{"TemplateName", "t"}, {"TemplateContent", {{"Subject", 1}}}}),
                   400, "BadRequestException",
                   "1 validation error detected: Value at 'templateContent.subject' failed to "
                   "satisfy constraint: Member must be a string");
    json ok{{"TemplateName", "t"}, {"TemplateContent", {{"Subject", "s"}}}};
    v2_ok(f.v2("POST", "/v2/email/templates", ok));
    check_v2_error(f.v2("POST", "/v2/email/templates", ok), 400, "AlreadyExistsException",
                   "Template t already exists.");
}
