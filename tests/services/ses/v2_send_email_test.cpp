// SES v2 SendEmail: Simple, Raw and Template content; serialization and validation errors.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

namespace {
json simple_body() {
    return {{"FromEmailAddress", "a@example.com"},
            {"Destination", {{"ToAddresses", {"b@example.com"}}}},
            {"Content",
             {{"Simple",
               {{"Subject", {{"Data", "v2 subject"}}},
                {"Body", {{"Text", {{"Data", "v2 text"}}}, {"Html", {{"Data", "<p>v2</p>"}}}}}}}}}};
}
} // namespace

TEST_CASE("SESv2 SendEmail: Simple content", "[service]") {
    ses_fixture f;
    auto body = v2_ok(f.v2("POST", "/v2/email/outbound-emails", simple_body()));
    std::string id = body["MessageId"];
    auto m = f.messages()[0];
    CHECK(m["id"] == id);
    CHECK(m["api"] == "sesv2");
    CHECK(m["subject"] == "v2 subject");
    CHECK(m["text"] == "v2 text");
    CHECK(m["html"] == "<p>v2</p>");
}

TEST_CASE("SESv2 SendEmail: Raw content stored as sent", "[service]") {
    ses_fixture f;
    std::string raw = "From: r@example.com\r\nTo: t@example.com\r\nSubject: raw v2\r\n\r\nhi\r\n";
    json body{{"Content", {{"Raw", {{"Data", cloudbox::core::base64_encode(raw)}}}}}};
    auto res = v2_ok(f.v2("POST", "/v2/email/outbound-emails", body));
    auto m = f.messages()[0];
    CHECK(m["raw"] == true);
    CHECK(m["from"] == "r@example.com");
    CHECK(m["to"] == json::array({"t@example.com"}));
    CHECK(m["subject"] == "raw v2");
    auto eml = f.c.request("GET", "/_cloudbox/ses/messages/" + res["MessageId"].get<std::string>(),
                           "", {{"accept", "message/rfc822"}});
    CHECK(eml.body == raw);
}

TEST_CASE("SESv2 SendEmail: Template content, stored and inline", "[service]") {
    ses_fixture f;
    v2_ok(f.v2("POST", "/v2/email/templates",
               json{{"TemplateName", "greet"},
                    {"TemplateContent", {{"Subject", "Hello {{who}}"}, {"Text", "Hi {{who}}"}}}}));
    json body{{"FromEmailAddress", "a@example.com"},
              {"Destination", {{"ToAddresses", {"b@example.com"}}}},
              {"Content",
               {{"Template", {{"TemplateName", "greet"}, {"TemplateData", R"({"who":"Zoe"})"}}}}}};
    v2_ok(f.v2("POST", "/v2/email/outbound-emails", body));
    body["Content"]["Template"] = {
        {"TemplateArn", "arn:aws:ses:us-east-1:000000000000:template/greet"},
        {"TemplateData", R"({"who":"Arn"})"}};
    v2_ok(f.v2("POST", "/v2/email/outbound-emails", body));
    body["Content"]["Template"] = {{"TemplateContent", {{"Subject", "Inline {{who}}"}}},
                                   {"TemplateData", R"({"who":"Ivy"})"}};
    v2_ok(f.v2("POST", "/v2/email/outbound-emails", body));
    auto list = f.messages();
    REQUIRE(list.size() == 3);
    CHECK(list[0]["subject"] == "Hello Zoe");
    CHECK(list[0]["text"] == "Hi Zoe");
    CHECK(list[1]["subject"] == "Hello Arn");
    CHECK(list[2]["subject"] == "Inline Ivy");
}

TEST_CASE("SESv2 SendEmail: serialization errors", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", std::string("{not json")), 400,
                   "BadRequestException", "Could not parse the request body as JSON.");
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", std::string("[1,2]")), 400,
                   "BadRequestException", "The request body must be a JSON object.");
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", json{{"Content", "text"}}), 400,
                   "BadRequestException",
                   "1 validation error detected: Value at 'content' failed to satisfy "
                   "constraint: Member must be a structure");
    auto body = simple_body();
    body["Destination"]["ToAddresses"] = "b@example.com";
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", body), 400, "BadRequestException",
                   "1 validation error detected: Value at 'destination.toAddresses' failed to "
                   "satisfy constraint: Member must be a list");
    check_v2_error(f.v2("POST", "/v2/email/no-such-thing", json::object()), 404,
                   "UnknownOperationException");
}

TEST_CASE("SESv2 SendEmail: validation errors", "[service]") {
    ses_fixture f;
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", json::object()), 400,
                   "BadRequestException",
                   "1 validation error detected: Value null at 'content' failed to satisfy "
                   "constraint: Member must not be null");
    auto two = simple_body();
    two["Content"]["Raw"] = {{"Data", "eA=="}};
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", two), 400, "BadRequestException",
                   "Exactly one of Simple, Raw or Template must be specified in Content.");
    auto no_from = simple_body();
    no_from.erase("FromEmailAddress");
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", no_from), 400, "BadRequestException",
                   "Missing required field FromEmailAddress.");
    auto bad_to = simple_body();
    bad_to["Destination"]["ToAddresses"] = {"nobody"};
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", bad_to), 400, "BadRequestException",
                   "Missing final '@domain'");
    auto no_subject = simple_body();
    no_subject["Content"]["Simple"].erase("Subject");
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", no_subject), 400,
                   "BadRequestException",
                   "1 validation error detected: Value null at 'content.simple.subject' failed "
                   "to satisfy constraint: Member must not be null");
    json missing_template{{"FromEmailAddress", "a@example.com"},
                          {"Destination", {{"ToAddresses", {"b@example.com"}}}},
                          {"Content", {{"Template", {{"TemplateName", "none"}}}}}};
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", missing_template), 404,
                   "NotFoundException", "Template none does not exist.");
    CHECK(f.messages().empty());
}
