// CreateTemplate: stored and readable through v1 and v2; duplicates and invalid templates.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("CreateTemplate: stored, visible to v2", "[service]") {
    ses_fixture f;
    check_query_ok(f.query("CreateTemplate", {{"Template.TemplateName", "t1"},
                                              {"Template.SubjectPart", "S {{a}}"},
                                              {"Template.TextPart", "T"}}),
                   "CreateTemplate");
    auto body = v2_ok(f.v2("GET", "/v2/email/templates/t1"));
    CHECK(body["TemplateName"] == "t1");
    CHECK(body["TemplateContent"] == json{{"Subject", "S {{a}}"}, {"Text", "T"}});
}

TEST_CASE("CreateTemplate: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("CreateTemplate"), "ValidationError",
                      "1 validation error detected: Value null at 'template' failed to satisfy "
                      "constraint: Member must not be null");
    check_query_error(f.query("CreateTemplate", {{"Template.SubjectPart", "s"}}), "ValidationError",
                      "1 validation error detected: Value null at 'template.templateName' "
                      "failed to satisfy constraint: Member must not be null");
    check_query_error(f.query("CreateTemplate", {{"Template.TemplateName", "bad name"},
                                                 {"Template.SubjectPart", "s"}}),
                      "InvalidParameterValue",
                      "Template name must be at most 64 characters and may contain only "
                      "letters, digits, '_' and '-'.");
    check_query_error(f.query("CreateTemplate", {{"Template.TemplateName", "t"}}),
                      "InvalidParameterValue", "The subject must be specified.");
    check_query_error(f.query("CreateTemplate", {{"Template.TemplateName", "t"},
                                                 {"Template.SubjectPart", "s"},
                                                 {"Template.HtmlPart", "{{#if x}}open"}}),
                      "InvalidTemplate", "Template t is invalid: Unclosed block {{#if}}");
}

TEST_CASE("CreateTemplate: AlreadyExists", "[service]") {
    ses_fixture f;
    form_params p{{"Template.TemplateName", "dup"}, {"Template.SubjectPart", "s"}};
    check_query_ok(f.query("CreateTemplate", p), "CreateTemplate");
    check_query_error(f.query("CreateTemplate", p), "AlreadyExists",
                      "Template dup already exists.");
}

TEST_CASE("CreateTemplate: blocks nested too deeply are refused", "[service]") {
    ses_fixture f;
    std::string html;
    for (int i = 0; i < 65; ++i) {
        html += "{{#if x}}";
    }
    for (int i = 0; i < 65; ++i) {
        html += "{{/if}}";
    }
    check_query_error(f.query("CreateTemplate", {{"Template.TemplateName", "deep"},
                                                 {"Template.SubjectPart", "s"},
                                                 {"Template.HtmlPart", html}}),
                      "InvalidTemplate",
                      "Template deep is invalid: Blocks are nested more than 64 deep");
}
