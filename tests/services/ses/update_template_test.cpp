// UpdateTemplate: replaces parts; TemplateDoesNotExist for unknown names.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("UpdateTemplate: replaces the parts", "[service]") {
    ses_fixture f;
    check_query_ok(f.query("CreateTemplate", {{"Template.TemplateName", "t"},
                                              {"Template.SubjectPart", "old"},
                                              {"Template.TextPart", "old text"}}),
                   "CreateTemplate");
    check_query_ok(f.query("UpdateTemplate", {{"Template.TemplateName", "t"},
                                              {"Template.SubjectPart", "new"},
                                              {"Template.HtmlPart", "<b>new</b>"}}),
                   "UpdateTemplate");
    auto r = f.query("GetTemplate", {{"TemplateName", "t"}});
    CHECK(xml_find(r.body, "SubjectPart") == "new");
    CHECK(xml_find(r.body, "TextPart").empty());
    CHECK(xml_find(r.body, "HtmlPart") == "<b>new</b>");
}

TEST_CASE("UpdateTemplate: errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("UpdateTemplate"), "ValidationError",
                      "1 validation error detected: Value null at 'template' failed to satisfy "
                      "constraint: Member must not be null");
    check_query_error(f.query("UpdateTemplate",
                              {{"Template.TemplateName", "nope"}, {"Template.SubjectPart", "s"}}),
                      "TemplateDoesNotExist", "Template nope does not exist.");
}
