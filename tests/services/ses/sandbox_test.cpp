// --ses-sandbox: sender and every recipient must be verified (address or domain), both APIs.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("Sandbox: unverified sender and recipients get MessageRejected", "[service]") {
    ses_fixture f(sandboxed());
    auto params = simple_email("Sender <s@example.com>", "r@example.com");
    params.emplace_back("Destination.CcAddresses.member.1", "c@other.org");
    check_query_error(f.query("SendEmail", params), "MessageRejected",
                      "Email address is not verified. The following identities failed the "
                      "check in region US-EAST-1: Sender <s@example.com>, r@example.com, "
                      "c@other.org");
    f.verify("s@example.com");
    check_query_error(f.query("SendEmail", params), "MessageRejected",
                      "Email address is not verified. The following identities failed the "
                      "check in region US-EAST-1: r@example.com, c@other.org");
    f.verify("example.com"); // the domain verifies r@example.com
    f.verify("c@other.org");
    params.emplace_back("Destination.BccAddresses.member.1", "success@simulator.amazonses.com");
    check_query_ok(f.query("SendEmail", params), "SendEmail");
    CHECK(f.messages().size() == 1);
}

TEST_CASE("Sandbox: v2 and raw sends, region in the message", "[service]") {
    ses_fixture f(sandboxed());
    f.c.region = "eu-west-1";
    json body{
        {"FromEmailAddress", "a@example.com"},
        {"Destination", {{"ToAddresses", {"b@example.com"}}}},
        {"Content",
         {{"Simple", {{"Subject", {{"Data", "s"}}}, {"Body", {{"Text", {{"Data", "t"}}}}}}}}}};
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", body), 400, "MessageRejected",
                   "Email address is not verified. The following identities failed the check "
                   "in region EU-WEST-1: a@example.com, b@example.com");
    std::string raw = "From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n\r\nbody";
    check_query_error(
        f.query("SendRawEmail", {{"RawMessage.Data", cloudbox::core::base64_encode(raw)}}),
        "MessageRejected",
        "Email address is not verified. The following identities failed the "
        "check in region EU-WEST-1: a@example.com, b@example.com");
    f.verify("example.com");
    v2_ok(f.v2("POST", "/v2/email/outbound-emails", body));
    // Verified in eu-west-1 only.
    f.c.region = "us-east-1";
    check_v2_error(f.v2("POST", "/v2/email/outbound-emails", body), 400, "MessageRejected");
}

TEST_CASE("Sandbox off: anything is delivered", "[service]") {
    ses_fixture f;
    check_query_ok(
        f.query("SendEmail", simple_email("x@unverified.example", "y@unverified.example")),
        "SendEmail");
}
