// SendEmail (v1): the message reaches the mailbox with its parts; validation and errors.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("SendEmail: stored with text and HTML parts", "[service]") {
    ses_fixture f;
    auto params = simple_email();
    params.emplace_back("Message.Body.Html.Data", "<p>Body</p>");
    params.emplace_back("Destination.CcAddresses.member.1", "cc@example.com");
    params.emplace_back("Destination.BccAddresses.member.1", "bcc@example.com");
    params.emplace_back("ReplyToAddresses.member.1", "reply@example.com");
    auto r = f.query("SendEmail", params);
    check_query_ok(r, "SendEmail");
    std::string id = xml_find(r.body, "MessageId");
    CHECK(id.size() == 16 + 1 + 36 + 7);
    auto list = f.messages();
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == id);
    CHECK(list[0]["api"] == "ses");
    CHECK(list[0]["operation"] == "SendEmail");
    CHECK(list[0]["from"] == "sender@example.com");
    CHECK(list[0]["to"] == json::array({"rcpt@example.com"}));
    CHECK(list[0]["cc"] == json::array({"cc@example.com"}));
    CHECK(list[0]["bcc"] == json::array({"bcc@example.com"}));
    CHECK(list[0]["reply_to"] == json::array({"reply@example.com"}));
    CHECK(list[0]["subject"] == "Hello");
    CHECK(list[0]["text"] == "Body text");
    CHECK(list[0]["html"] == "<p>Body</p>");
    CHECK(list[0]["raw"] == false);
}

TEST_CASE("SendEmail: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("SendEmail", {{"Destination.ToAddresses.member.1", "b@x.com"}}),
                      "ValidationError",
                      "1 validation error detected: Value null at 'source' failed to satisfy "
                      "constraint: Member must not be null");
    check_query_error(f.query("SendEmail", {{"Source", "a@x.com"},
                                            {"Message.Subject.Data", "s"},
                                            {"Message.Body.Text.Data", "b"}}),
                      "ValidationError",
                      "1 validation error detected: Value null at 'destination' failed to "
                      "satisfy constraint: Member must not be null");
    check_query_error(f.query("SendEmail", {{"Source", "a@x.com"},
                                            {"Destination.ToAddresses.member.1", "b@x.com"},
                                            {"Message.Body.Text.Data", "b"}}),
                      "ValidationError",
                      "1 validation error detected: Value null at 'message.subject' failed to "
                      "satisfy constraint: Member must not be null");
    check_query_error(f.query("SendEmail", simple_email("sender", "rcpt@example.com")),
                      "InvalidParameterValue", "Missing final '@domain'");
    check_query_error(f.query("SendEmail", simple_email("a@example.com", "bad address@x.com")),
                      "InvalidParameterValue", "Local address contains control or whitespace");
    check_query_error(f.query("SendEmail", {{"Source", "a@x.com"},
                                            {"Destination", ""},
                                            {"Message.Subject.Data", "s"},
                                            {"Message.Body.Text.Data", "b"}}),
                      "InvalidParameterValue", "Missing required header 'To'.");
    form_params many = simple_email();
    for (int i = 2; i <= 51; ++i) {
        many.emplace_back("Destination.ToAddresses.member." + std::to_string(i),
                          "r" + std::to_string(i) + "@example.com");
    }
    check_query_error(f.query("SendEmail", many), "InvalidParameterValue",
                      "Recipient count exceeds 50.");
    CHECK(f.messages().empty());
}

TEST_CASE("SendEmail: message tags are checked as SES checks them", "[service]") {
    ses_fixture f;
    auto with_tag = [&](const std::string& name, const std::string& value) {
        form_params p = simple_email();
        p.emplace_back("Tags.member.1.Name", name);
        p.emplace_back("Tags.member.1.Value", value);
        return f.query("SendEmail", p);
    };
    check_query_error(with_tag("test_invalid_name:123", "v"), "InvalidParameterValue",
                      "Invalid tag name <test_invalid_name:123>: only alphanumeric ASCII "
                      "characters, '_',  '-' are allowed.");
    check_query_error(with_tag("n", "test_invalid_value:123"), "InvalidParameterValue",
                      "Invalid tag value <test_invalid_value:123>: only alphanumeric ASCII "
                      "characters, '_',  '-' , '.', '@' are allowed.");
    check_query_error(with_tag(std::string(256, 'a'), "v"), "InvalidParameterValue",
                      "Tag name cannot exceed 255 characters.");
    check_query_error(with_tag("n", std::string(256, 'a')), "InvalidParameterValue",
                      "Tag value cannot exceed 255 characters.");
    check_query_error(with_tag("", "v"), "InvalidParameterValue",
                      "The tag name must be specified.");
    check_query_error(with_tag("n", ""), "InvalidParameterValue",
                      "The tag value must be specified.");
    check_query_error(with_tag("bad:name", "bad:value"), "InvalidParameterValue",
                      "Invalid tag name <bad:name>: only alphanumeric ASCII characters, '_',  '-' "
                      "are allowed.");
    CHECK(f.messages().empty());
    REQUIRE(with_tag("campaign", "a.b@c-d_e").status == 200);
}

TEST_CASE("SendEmail: display names and list order kept", "[service]") {
    ses_fixture f;
    auto r = f.query("SendEmail", {{"Source", "\"Sender Name\" <sender@example.com>"},
                                   {"Destination.ToAddresses.member.2", "second@example.com"},
                                   {"Destination.ToAddresses.member.1", "first@example.com"},
                                   {"Message.Subject.Data", "s"},
                                   {"Message.Body.Text.Data", "b"}});
    check_query_ok(r, "SendEmail");
    auto m = f.messages()[0];
    CHECK(m["from"] == "\"Sender Name\" <sender@example.com>");
    CHECK(m["to"] == json::array({"first@example.com", "second@example.com"}));
}
