// SendTemplatedEmail: {{var}} rendering (escaped in HTML), missing template, bad data.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

namespace {
void make_template(ses_fixture& f) {
    auto r =
        f.query("CreateTemplate",
                {{"Template.TemplateName", "welcome"},
                 {"Template.SubjectPart", "Hi {{name}}"},
                 {"Template.TextPart", "Dear {{name}}, {{#if vip}}VIP {{/if}}code {{user.code}}"},
                 {"Template.HtmlPart",
                  "<b>{{name}}</b>{{{raw}}}<ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>"}});
    check_query_ok(r, "CreateTemplate");
}
} // namespace

TEST_CASE("SendTemplatedEmail: renders subject, text and HTML", "[service]") {
    ses_fixture f;
    make_template(f);
    json data{{"name", "Ann & Bo"},
              {"vip", true},
              {"user", {{"code", 42}}},
              {"raw", "<i>x</i>"},
              {"items", {"a", "b"}}};
    auto r = f.query("SendTemplatedEmail", {{"Source", "s@example.com"},
                                            {"Destination.ToAddresses.member.1", "r@example.com"},
                                            {"Template", "welcome"},
                                            {"TemplateData", data.dump()}});
    check_query_ok(r, "SendTemplatedEmail");
    auto m = f.messages()[0];
    CHECK(m["operation"] == "SendTemplatedEmail");
    CHECK(m["subject"] == "Hi Ann & Bo");
    CHECK(m["text"] == "Dear Ann & Bo, VIP code 42");
    CHECK(m["html"] == "<b>Ann &amp; Bo</b><i>x</i><ul><li>a</li><li>b</li></ul>");
    CHECK(m["template"] == "welcome");
}

TEST_CASE("SendTemplatedEmail: missing variables render empty", "[service]") {
    ses_fixture f;
    make_template(f);
    auto r = f.query("SendTemplatedEmail", {{"Source", "s@example.com"},
                                            {"Destination.ToAddresses.member.1", "r@example.com"},
                                            {"Template", "welcome"},
                                            {"TemplateData", "{}"}});
    check_query_ok(r, "SendTemplatedEmail");
    CHECK(f.messages()[0]["subject"] == "Hi ");
}

TEST_CASE("SendTemplatedEmail: validation errors", "[service]") {
    ses_fixture f;
    form_params base{{"Source", "s@example.com"},
                     {"Destination.ToAddresses.member.1", "r@example.com"}};
    auto with = [&](form_params extra) {
        auto p = base;
        p.insert(p.end(), extra.begin(), extra.end());
        return f.query("SendTemplatedEmail", p);
    };
    check_query_error(with({{"TemplateData", "{}"}}), "ValidationError",
                      "1 validation error detected: Value null at 'template' failed to satisfy "
                      "constraint: Member must not be null");
    check_query_error(with({{"Template", "welcome"}}), "ValidationError",
                      "1 validation error detected: Value null at 'templateData' failed to "
                      "satisfy constraint: Member must not be null");
    check_query_error(with({{"Template", "nope"}, {"TemplateData", "{}"}}), "TemplateDoesNotExist",
                      "Template nope does not exist.");
    make_template(f);
    check_query_error(with({{"Template", "welcome"}, {"TemplateData", "{not json"}}),
                      "InvalidParameterValue", "Template data must be a valid JSON object.");
    check_query_error(with({{"Template", "welcome"}, {"TemplateData", "[1]"}}),
                      "InvalidParameterValue", "Template data must be a valid JSON object.");
}
