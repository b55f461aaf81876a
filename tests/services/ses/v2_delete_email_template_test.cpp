// SES v2 DeleteEmailTemplate: removes; NotFoundException for unknown names.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SESv2 DeleteEmailTemplate: removes", "[service]") {
    ses_fixture f;
    v2_ok(f.v2("POST", "/v2/email/templates",
               json{{"TemplateName", "t"}, {"TemplateContent", {{"Subject", "s"}}}}));
    CHECK(v2_ok(f.v2("DELETE", "/v2/email/templates/t")) == json::object());
    check_v2_error(f.v2("GET", "/v2/email/templates/t"), 404, "NotFoundException");
}

TEST_CASE("SESv2 DeleteEmailTemplate: NotFoundException", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("DELETE", "/v2/email/templates/none"), 404, "NotFoundException",
                   "Template none does not exist.");
}
