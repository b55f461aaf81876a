// SES v2 GetEmailTemplate: content as stored; NotFoundException.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 GetEmailTemplate: content", "[service]") {
    ses_fixture f;
    check_query_ok(f.query("CreateTemplate", {{"Template.TemplateName", "v1t"},
                                              {"Template.SubjectPart", "S"},
                                              {"Template.TextPart", "T"}}),
                   "CreateTemplate");
    auto r = v2_ok(f.v2("GET", "/v2/email/templates/v1t"));
    CHECK(r ==
          json{{"TemplateName", "v1t"}, {"TemplateContent", {{"Subject", "S"}, {"Text", "T"}}}});
}

TEST_CASE("SESv2 GetEmailTemplate: NotFoundException", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("GET", "/v2/email/templates/none"), 404, "NotFoundException",
                   "Template none does not exist.");
}
