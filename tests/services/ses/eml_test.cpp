// The .eml of a formatted message: RFC 5322 headers (encoded words for non-ASCII), Date from the
// clock, multipart/alternative with text and HTML parts, CRLF line endings, no Bcc header.
#include "ses/ses_test_support.hpp"

#include <sstream>

using namespace cloudbox::test;

namespace {

struct mime_part {
    std::string headers;
    std::string body;
};

std::string header_value(const std::string& headers, const std::string& name) {
    auto pos = headers.find("\r\n" + name + ": ");
    std::size_t start =
        pos == std::string::npos ? (headers.rfind(name + ": ", 0) == 0 ? 0 : pos) : pos + 2;
    if (start == std::string::npos) {
        return {};
    }
    start += name.size() + 2;
    std::string value;
    std::size_t end = headers.find("\r\n", start);
    value = headers.substr(start, end - start);
    while (end != std::string::npos && end + 2 < headers.size() && headers[end + 2] == ' ') {
        auto next = headers.find("\r\n", end + 2);
        value += headers.substr(end + 2, next - end - 2);
        end = next;
    }
    return value;
}

std::vector<mime_part> split_parts(const std::string& body, const std::string& boundary) {
    std::vector<mime_part> parts;
    std::string delimiter = "--" + boundary;
    std::size_t pos = body.find(delimiter);
    while (pos != std::string::npos) {
        pos += delimiter.size();
        if (body.compare(pos, 2, "--") == 0) {
            break;
        }
        pos += 2; // CRLF
        std::size_t next = body.find("\r\n" + delimiter, pos);
        std::string part = body.substr(pos, next - pos);
        auto split = part.find("\r\n\r\n");
        parts.push_back({"\r\n" + part.substr(0, split), part.substr(split + 4)});
        pos = next + 2;
    }
    return parts;
}

std::string send_and_fetch_eml(ses_fixture& f, const form_params& params) {
    auto r = f.query("SendEmail", params);
    check_query_ok(r, "SendEmail");
    auto eml = f.c.request("GET", "/_cloudbox/ses/messages/" + xml_find(r.body, "MessageId"), "",
                           {{"accept", "message/rfc822"}});
    REQUIRE(eml.status == 200);
    return eml.body;
}

} // namespace

TEST_CASE("EML: headers and multipart/alternative structure", "[service]") {
    ses_fixture f;
    REQUIRE(f.c.request("POST", "/_cloudbox/clock",
                        R"({"freeze": true, "set": "2026-02-01T08:09:10Z"})")
                .status == 200);
    std::string html = "<p>Gr\xC3\xBC\xC3\x9F"
                       "e</p>";
    auto r = f.query("SendEmail", {{"Source", "J\xC3\xBCrgen <j@example.com>"},
                                   {"Destination.ToAddresses.member.1", "to@example.com"},
                                   {"Destination.CcAddresses.member.1", "cc@example.com"},
                                   {"Destination.BccAddresses.member.1", "hidden@example.com"},
                                   {"Message.Subject.Data", "Gr\xC3\xBC\xC3\x9F"
                                                            "e"},
                                   {"Message.Body.Text.Data", "line one\nline two"},
                                   {"Message.Body.Html.Data", html}});
    check_query_ok(r, "SendEmail");
    std::string id = xml_find(r.body, "MessageId");
    auto eml =
        f.c.request("GET", "/_cloudbox/ses/messages/" + id, "", {{"accept", "message/rfc822"}})
            .body;
    auto split = eml.find("\r\n\r\n");
    REQUIRE(split != std::string::npos);
    std::string headers = "\r\n" + eml.substr(0, split);
    std::string body = eml.substr(split + 4);

    CHECK(header_value(headers, "From") ==
          "=?UTF-8?B?" + cloudbox::core::base64_encode("J\xC3\xBCrgen") + "?= <j@example.com>");
    CHECK(header_value(headers, "To") == "to@example.com");
    CHECK(header_value(headers, "Cc") == "cc@example.com");
    CHECK(eml.find("hidden@example.com") == std::string::npos);
    CHECK(header_value(headers, "Subject") == "=?UTF-8?B?" +
                                                  cloudbox::core::base64_encode("Gr\xC3\xBC\xC3\x9F"
                                                                                "e") +
                                                  "?=");
    CHECK(header_value(headers, "Message-ID") == "<" + id + "@email.amazonses.com>");
    CHECK(header_value(headers, "Date") == "Sun, 01 Feb 2026 08:09:10 +0000");
    CHECK(header_value(headers, "MIME-Version") == "1.0");
    std::string content_type = header_value(headers, "Content-Type");
    REQUIRE(content_type.starts_with("multipart/alternative; boundary=\""));
    std::string boundary = content_type.substr(content_type.find('"') + 1);
    boundary.pop_back();

    auto parts = split_parts(body, boundary);
    REQUIRE(parts.size() == 2);
    CHECK(header_value(parts[0].headers, "Content-Type") == "text/plain; charset=UTF-8");
    CHECK(header_value(parts[0].headers, "Content-Transfer-Encoding") == "7bit");
    CHECK(parts[0].body == "line one\r\nline two\r\n");
    CHECK(header_value(parts[1].headers, "Content-Type") == "text/html; charset=UTF-8");
    CHECK(header_value(parts[1].headers, "Content-Transfer-Encoding") == "base64");
    std::string b64 = parts[1].body;
    b64.erase(std::remove(b64.begin(), b64.end(), '\r'), b64.end());
    b64.erase(std::remove(b64.begin(), b64.end(), '\n'), b64.end());
    CHECK(cloudbox::core::base64_decode(b64) == html);
    CHECK(body.ends_with("--" + boundary + "--\r\n"));

    // Every line ends with CRLF.
    for (std::size_t i = 0; i < eml.size(); ++i) {
        if (eml[i] == '\n') {
            REQUIRE(i > 0);
            CHECK(eml[i - 1] == '\r');
        }
    }
}

TEST_CASE("EML: a single part when only text; long subjects fold into words", "[service]") {
    ses_fixture f;
    std::string subject;
    for (int i = 0; i < 40; ++i) {
        subject += "\xC3\xA9t\xC3\xA9 ";
    }
    auto eml = send_and_fetch_eml(f, {{"Source", "a@example.com"},
                                      {"Destination.ToAddresses.member.1", "b@example.com"},
                                      {"Message.Subject.Data", subject},
                                      {"Message.Body.Text.Data", "only text"}});
    auto split = eml.find("\r\n\r\n");
    std::string headers = "\r\n" + eml.substr(0, split);
    CHECK(header_value(headers, "Content-Type") == "text/plain; charset=UTF-8");
    CHECK(eml.substr(split + 4) == "only text\r\n");
    std::string encoded = header_value(headers, "Subject");
    std::string decoded;
    std::size_t pos = 0;
    int words = 0;
    while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
        auto end = encoded.find("?=", pos + 10);
        decoded += cloudbox::core::base64_decode(encoded.substr(pos + 10, end - pos - 10)).value();
        pos = end + 2;
        ++words;
    }
    CHECK(words > 1);
    CHECK(decoded == subject);
    // Lines with encoded words stay within RFC 2047's 76 characters.
    for (std::size_t line = 0, next; line < eml.size(); line = next + 2) {
        next = eml.find("\r\n", line);
        if (next == std::string::npos) {
            break;
        }
        if (eml.substr(line, next - line).find("=?UTF-8?B?") != std::string::npos) {
            CHECK(next - line <= 76);
        }
    }
}
