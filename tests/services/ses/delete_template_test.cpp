// DeleteTemplate: removes; unknown names succeed in v1.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteTemplate: removes the template", "[service]") {
    ses_fixture f;
    check_query_ok(
        f.query("CreateTemplate", {{"Template.TemplateName", "t"}, {"Template.SubjectPart", "s"}}),
        "CreateTemplate");
    check_query_ok(f.query("DeleteTemplate", {{"TemplateName", "t"}}), "DeleteTemplate");
    check_query_error(f.query("GetTemplate", {{"TemplateName", "t"}}), "TemplateDoesNotExist");
    check_query_ok(f.query("DeleteTemplate", {{"TemplateName", "t"}}), "DeleteTemplate");
}

TEST_CASE("DeleteTemplate: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("DeleteTemplate"), "ValidationError",
                      "1 validation error detected: Value null at 'templateName' failed to "
                      "satisfy constraint: Member must not be null");
}
