// Shared setup for the SES tests: a server, v1 (query) and v2 (REST-JSON) helpers, error checks
// and mailbox access.
#pragma once

#include "services/service_test_support.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cloudbox::test {

using form_params = std::vector<std::pair<std::string, std::string>>;
using nlohmann::json;

inline std::string form_encode(const std::string& action, const form_params& params) {
    std::string body = "Action=" + action + "&Version=2010-12-01";
    for (const auto& [k, v] : params) {
        body += "&" + core::url_encode(k) + "=" + core::url_encode(v);
    }
    return body;
}

inline server_options sandboxed() {
    server_options o;
    o.ses_sandbox = true;
    return o;
}

struct ses_fixture {
    test_server srv;
    http_client c{srv.port()};
    explicit ses_fixture(server_options options = {}) : srv(std::move(options)) {
        c.signing_service = "ses";
    }

    // A v1 action as the SDKs send it (form body, SigV4 scope "ses").
    http_response query(const std::string& action, const form_params& params = {}) {
        return c.request("POST", "/", form_encode(action, params),
                         {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"}});
    }
    // A v2 call; `body` is sent as given.
    http_response v2(const std::string& method, const std::string& path,
                     const std::string& body = {}) {
        return c.request(method, path, body, {{"content-type", "application/json"}});
    }
    http_response v2(const std::string& method, const std::string& path, const json& body) {
        return v2(method, path, body.dump());
    }
    json messages(const std::string& query = {}) {
        auto r = c.request("GET", "/_cloudbox/ses/messages" + query);
        INFO(r.body);
        REQUIRE(r.status == 200);
        return json::parse(r.body)["messages"];
    }
    void verify(const std::string& identity) {
        auto r = identity.find('@') == std::string::npos
                     ? query("VerifyDomainIdentity", {{"Domain", identity}})
                     : query("VerifyEmailIdentity", {{"EmailAddress", identity}});
        INFO(r.body);
        REQUIRE(r.status == 200);
    }
};

// A v1 success: status 200, <ActionResponse> root and a request id.
inline void check_query_ok(const http_response& r, const std::string& action) {
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(xml_root(r.body) == action + "Response");
    CHECK(r.body.find("xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"") != std::string::npos);
    CHECK(!xml_find(r.body, "RequestId").empty());
}

// A v1 error: <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>.
inline void check_query_error(const http_response& r, const std::string& code,
                              const std::string& message = {}, int status = 400) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(xml_root(r.body) == "ErrorResponse");
    CHECK(xml_find(r.body, "Code") == code);
    if (!message.empty()) {
        CHECK(xml_find(r.body, "Message") == message);
    }
    CHECK(xml_find(r.body, "Type") == "Sender");
    CHECK(!xml_find(r.body, "RequestId").empty());
}

// A v2 error: status, X-Amzn-ErrorType and {"message"}.
inline void check_v2_error(const http_response& r, int status, const std::string& type,
                           const std::string& message = {}) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(r.header("x-amzn-errortype") == type);
    auto body = json::parse(r.body, nullptr, false);
    REQUIRE(body.is_object());
    if (!message.empty()) {
        CHECK(body.value("message", "") == message);
    }
}

inline json v2_ok(const http_response& r) {
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/json");
    auto body = json::parse(r.body, nullptr, false);
    REQUIRE(body.is_object());
    return body;
}

// A minimal SendEmail parameter set (v1).
inline form_params simple_email(const std::string& from = "sender@example.com",
                                const std::string& to = "rcpt@example.com") {
    return {{"Source", from},
            {"Destination.ToAddresses.member.1", to},
            {"Message.Subject.Data", "Hello"},
            {"Message.Body.Text.Data", "Body text"}};
}

} // namespace cloudbox::test
