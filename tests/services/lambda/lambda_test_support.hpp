// Shared setup for the Lambda service tests: a server on port 0, a client signing for "lambda",
// and helpers to create and invoke functions and check Lambda's errors.
#pragma once

#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace cloudbox::test {

using json = nlohmann::json;

// The smallest valid zip: an empty archive's end-of-central-directory record.
inline std::string empty_zip_b64() {
    return "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==";
}

inline const std::string& role_arn() {
    static const std::string role = "arn:aws:iam::000000000000:role/lambda-role";
    return role;
}

inline const char* fn_path() {
    return "/2015-03-31/functions";
}

struct lambda_fixture {
    test_server server;
    http_client c{server.port()};
    explicit lambda_fixture(server_options options = {}) : server(std::move(options)) {
        c.signing_service = "lambda";
    }

    http_response create(const std::string& name, const std::string& handler,
                         json extra = json::object()) {
        json body = {{"FunctionName", name},
                     {"Runtime", "provided.al2023"},
                     {"Role", role_arn()},
                     {"Handler", handler},
                     {"Code", {{"ZipFile", empty_zip_b64()}}}};
        body.update(extra);
        return c.request("POST", fn_path(), body.dump(), {{"content-type", "application/json"}});
    }
    void must_create(const std::string& name, const std::string& handler,
                     json extra = json::object()) {
        auto r = create(name, handler, std::move(extra));
        INFO(r.body);
        REQUIRE(r.status == 201);
    }
    http_response invoke(const std::string& name, const std::string& payload,
                         std::vector<std::pair<std::string, std::string>> headers = {}) {
        return c.request("POST", std::string(fn_path()) + "/" + name + "/invocations", payload,
                         std::move(headers));
    }
    http_response get(const std::string& path) { return c.request("GET", path); }
    http_response post(const std::string& path, const json& body) {
        return c.request("POST", path, body.dump(), {{"content-type", "application/json"}});
    }
    http_response put(const std::string& path, const json& body) {
        return c.request("PUT", path, body.dump(), {{"content-type", "application/json"}});
    }
    http_response del(const std::string& path) { return c.request("DELETE", path); }
    std::string publish(const std::string& name) {
        auto r = post(std::string(fn_path()) + "/" + name + "/versions", json::object());
        REQUIRE(r.status == 201);
        return json::parse(r.body)["Version"].get<std::string>();
    }
};

inline json body_of(const http_response& r) {
    INFO(r.body);
    return json::parse(r.body);
}

inline void check_lambda_error(const http_response& r, int status, const std::string& code,
                               const std::string& message = {}) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(r.header("x-amzn-errortype") == code);
    if (!message.empty()) {
        auto body = json::parse(r.body, nullptr, false);
        REQUIRE(body.is_object());
        // Lambda's model names the member "Message" for these, "message" for the rest; an SDK
        // reads only the spelling its model has.
        bool capital = code == "ResourceNotFoundException" || code == "ServiceException";
        CHECK(body.value(capital ? "Message" : "message", "") == message);
        CHECK_FALSE(body.contains(capital ? "message" : "Message"));
        CHECK(body.value("Type", "") == "User");
    }
}

} // namespace cloudbox::test
