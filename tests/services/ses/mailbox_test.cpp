// The mailbox control routes: /_cloudbox/ses/messages (filters, one message, .eml, delete),
// LocalStack's /_aws/ses, persistence across restart and reset.
#include "ses/ses_test_support.hpp"

using namespace cloudbox::test;

namespace {
void send(ses_fixture& f, const std::string& from, const std::string& to,
          const std::string& subject) {
    check_query_ok(f.query("SendEmail", {{"Source", from},
                                         {"Destination.ToAddresses.member.1", to},
                                         {"Message.Subject.Data", subject},
                                         {"Message.Body.Text.Data", "text of " + subject},
                                         {"Message.Body.Html.Data", "<p>" + subject + "</p>"}}),
                   "SendEmail");
}
} // namespace

TEST_CASE("Mailbox: list with filters", "[service]") {
    ses_fixture f;
    REQUIRE(f.c.request("POST", "/_cloudbox/clock",
                        R"({"freeze": true, "set": "2026-02-01T00:00:00Z"})")
                .status == 200);
    send(f, "a@example.com", "x@example.com", "First report");
    REQUIRE(f.c.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 60})").status == 200);
    send(f, "Bee <b@example.com>", "Why <Y@example.com>", "Second");
    CHECK(f.messages().size() == 2);
    CHECK(f.messages("?to=y@example.com").size() == 1);
    CHECK(f.messages("?from=b@example.com")[0]["subject"] == "Second");
    CHECK(f.messages("?subject=report").size() == 1);
    CHECK(f.messages("?since=2026-02-01T00:00:30Z")[0]["subject"] == "Second");
    CHECK(f.messages("?to=nobody@example.com").empty());
    auto m = f.messages()[0];
    CHECK(m["timestamp"] == "2026-02-01T00:00:00.000Z");
    auto bad = f.c.request("GET", "/_cloudbox/ses/messages?since=yesterday");
    CHECK(bad.status == 400);
}

TEST_CASE("Mailbox: one message as JSON or .eml; 404s; delete", "[service]") {
    ses_fixture f;
    send(f, "a@example.com", "x@example.com", "One");
    std::string id = f.messages()[0]["id"];
    auto one = f.c.request("GET", "/_cloudbox/ses/messages/" + id);
    REQUIRE(one.status == 200);
    auto one_json = json::parse(one.body);
    CHECK(one_json["subject"] == "One");
    // The .eml on disk is the file the route serves.
    CHECK(read_binary_file(one_json["eml_path"].get<std::string>()).find("Subject: One\r\n") !=
          std::string::npos);
    auto eml =
        f.c.request("GET", "/_cloudbox/ses/messages/" + id, "", {{"accept", "message/rfc822"}});
    REQUIRE(eml.status == 200);
    CHECK(eml.body.find("Subject: One\r\n") != std::string::npos);
    CHECK(f.c.request("GET", "/_cloudbox/ses/messages/nope").status == 404);
    CHECK(f.c.request("GET", "/_cloudbox/ses/messages/..%2F..%2Fetc").status == 404);
    auto del = f.c.request("DELETE", "/_cloudbox/ses/messages");
    CHECK(del.status == 200);
    CHECK(json::parse(del.body)["deleted"] == 1);
    CHECK(f.messages().empty());
    CHECK(f.c.request("PUT", "/_cloudbox/ses/messages").status == 405);
}

TEST_CASE("Mailbox: LocalStack /_aws/ses shape and filters", "[service]") {
    ses_fixture f;
    send(f, "a@example.com", "x@example.com", "Formatted");
    std::string raw = "From: r@example.com\r\nTo: t@example.com\r\nSubject: Raw\r\n\r\nhi";
    check_query_ok(
        f.query("SendRawEmail", {{"RawMessage.Data", cloudbox::core::base64_encode(raw)}}),
        "SendRawEmail");
    auto r = f.c.request("GET", "/_aws/ses");
    REQUIRE(r.status == 200);
    auto list = json::parse(r.body)["messages"];
    REQUIRE(list.size() == 2);
    CHECK(list[0]["Region"] == "us-east-1");
    CHECK(list[0]["Source"] == "a@example.com");
    CHECK(list[0]["Destination"]["ToAddresses"] == json::array({"x@example.com"}));
    CHECK(list[0]["Subject"] == "Formatted");
    CHECK(list[0]["Body"] ==
          json{{"text_part", "text of Formatted"}, {"html_part", "<p>Formatted</p>"}});
    CHECK(list[0].contains("Timestamp"));
    CHECK(list[1]["RawData"] == raw);
    std::string id = list[1]["Id"];
    auto by_id = json::parse(f.c.request("GET", "/_aws/ses?id=" + id).body)["messages"];
    REQUIRE(by_id.size() == 1);
    CHECK(by_id[0]["Source"] == "r@example.com");
    auto by_email =
        json::parse(f.c.request("GET", "/_aws/ses?email=a%40example.com").body)["messages"];
    REQUIRE(by_email.size() == 1);
    CHECK(by_email[0]["Subject"] == "Formatted");
    CHECK(f.c.request("DELETE", "/_aws/ses?id=" + id).status == 204);
    CHECK(f.messages().size() == 1);
    CHECK(f.c.request("DELETE", "/_aws/ses").status == 204);
    CHECK(f.messages().empty());
}

TEST_CASE("Mailbox: messages survive a restart; reset clears them and their files", "[service]") {
    temp_dir dir;
    std::string id;
    {
        ses_fixture f(on_disk(dir));
        send(f, "a@example.com", "x@example.com", "Durable");
        id = f.messages()[0]["id"];
        f.verify("kept@example.com");
    }
    ses_fixture f(on_disk(dir));
    auto list = f.messages();
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == id);
    auto eml =
        f.c.request("GET", "/_cloudbox/ses/messages/" + id, "", {{"accept", "message/rfc822"}});
    CHECK(eml.status == 200);
    CHECK(f.query("ListIdentities").body.find("kept@example.com") != std::string::npos);
    CHECK(count_files(dir.path() / "ses" / "mailbox") == 1);
    REQUIRE(f.c.request("POST", "/_cloudbox/reset?service=ses").status == 200);
    CHECK(f.messages().empty());
    CHECK(count_files(dir.path() / "ses" / "mailbox") == 0);
    CHECK(f.query("ListIdentities").body.find("kept@example.com") == std::string::npos);
}
