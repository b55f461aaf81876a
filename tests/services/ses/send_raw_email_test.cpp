// SendRawEmail: stored byte for byte; Source/Destinations from the headers when absent.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

namespace {
const std::string raw_message = "From: Raw Sender <raw@example.com>\r\n"
                                "To: one@example.com, \"Two, Esq.\" <two@example.com>\r\n"
                                "Subject: =?UTF-8?B?SOKCrGxsbw==?=\r\n"
                                "MIME-Version: 1.0\r\n"
                                "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                                "raw body\r\n";
}

TEST_CASE("SendRawEmail: stored exactly, headers give source and recipients", "[service]") {
    ses_fixture f;
    auto r =
        f.query("SendRawEmail", {{"RawMessage.Data", cloudbox::core::base64_encode(raw_message)}});
    check_query_ok(r, "SendRawEmail");
    std::string id = xml_find(r.body, "MessageId");
    auto m = f.messages()[0];
    CHECK(m["raw"] == true);
    CHECK(m["from"] == "Raw Sender <raw@example.com>");
    CHECK(m["to"] == json::array({"one@example.com", "\"Two, Esq.\" <two@example.com>"}));
    CHECK(m["subject"] == "H\xE2\x82\xAC"
                          "llo");
    auto eml =
        f.c.request("GET", "/_cloudbox/ses/messages/" + id, "", {{"accept", "message/rfc822"}});
    CHECK(eml.status == 200);
    CHECK(eml.header("content-type") == "message/rfc822");
    CHECK(eml.body == raw_message);
}

TEST_CASE("SendRawEmail: explicit Source and Destinations win", "[service]") {
    ses_fixture f;
    auto r =
        f.query("SendRawEmail", {{"Source", "env@example.com"},
                                 {"Destinations.member.1", "only@example.com"},
                                 {"RawMessage.Data", cloudbox::core::base64_encode(raw_message)}});
    check_query_ok(r, "SendRawEmail");
    auto m = f.messages()[0];
    CHECK(m["from"] == "env@example.com");
    CHECK(m["to"] == json::array({"only@example.com"}));
}

TEST_CASE("SendRawEmail: validation errors", "[service]") {
    ses_fixture f;
    check_query_error(f.query("SendRawEmail"), "ValidationError",
                      "1 validation error detected: Value null at 'rawMessage' failed to "
                      "satisfy constraint: Member must not be null");
    check_query_error(f.query("SendRawEmail", {{"RawMessage.Data", "not base64!"}}),
                      "InvalidParameterValue", "Invalid base64 in RawMessage.Data.");
    std::string no_from = "To: a@example.com\r\nSubject: x\r\n\r\nbody";
    check_query_error(
        f.query("SendRawEmail", {{"RawMessage.Data", cloudbox::core::base64_encode(no_from)}}),
        "InvalidParameterValue", "Missing required header 'From'.");
    std::string no_to = "From: a@example.com\r\nSubject: x\r\n\r\nbody";
    check_query_error(
        f.query("SendRawEmail", {{"RawMessage.Data", cloudbox::core::base64_encode(no_to)}}),
        "InvalidParameterValue", "Missing required header 'To'.");
    CHECK(f.messages().empty());
}
