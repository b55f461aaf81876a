// GetTemplate: parts as stored; TemplateDoesNotExist.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetTemplate: returns the parts", "[service]") {
    ses_fixture f;
    check_query_ok(f.query("CreateTemplate", {{"Template.TemplateName", "t"},
                                              {"Template.SubjectPart", "Subj"},
                                              {"Template.TextPart", "Text"},
                                              {"Template.HtmlPart", "<p>Html</p>"}}),
                   "CreateTemplate");
    auto r = f.query("GetTemplate", {{"TemplateName", "t"}});
    check_query_ok(r, "GetTemplate");
    CHECK(r.body.find("<Template><TemplateName>t</TemplateName><SubjectPart>Subj</SubjectPart>"
                      "<TextPart>Text</TextPart><HtmlPart>&lt;p&gt;Html&lt;/p&gt;</HtmlPart>"
                      "</Template>") != std::string::npos);
}

TEST_CASE("GetTemplate: errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("GetTemplate"), "ValidationError",
                      "1 validation error detected: Value null at 'templateName' failed to "
                      "satisfy constraint: Member must not be null");
    check_query_error(f.query("GetTemplate", {{"TemplateName", "missing"}}), "TemplateDoesNotExist",
                      "Template missing does not exist.");
}
