// Shared setup for the DynamoDB service tests: a server, a JSON client and table helpers.
#pragma once

#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace cloudbox::test {

using json = nlohmann::json;

struct ddb_result {
    int status = 0;
    json body;
    http_response raw;
};

// A server and a DynamoDB client on it.
struct ddb_fixture {
    test_server srv;
    http_client c{srv.port()};
    explicit ddb_fixture(server_options options = {}) : srv(std::move(options)) {
        c.signing_service = "dynamodb";
    }

    // Sends raw text to DynamoDB_20120810.<op> (or another target prefix).
    http_response send(const std::string& op, const std::string& body,
                       const std::string& prefix = "DynamoDB_20120810") {
        return c.request(
            "POST", "/", body,
            {{"x-amz-target", prefix + "." + op}, {"content-type", "application/x-amz-json-1.0"}});
    }
    ddb_result call(const std::string& op, const json& body,
                    const std::string& prefix = "DynamoDB_20120810") {
        auto r = send(op, body.dump(), prefix);
        ddb_result out{r.status, json::parse(r.body, nullptr, false), r};
        return out;
    }
    // Calls and requires 200.
    json ok(const std::string& op, const json& body) {
        auto r = call(op, body);
        INFO(op << ": " << r.raw.body);
        REQUIRE(r.status == 200);
        return r.body;
    }
    // Creates a table pk (S) [+ sk of sk_type], on demand.
    void make_table(const std::string& name, const std::string& sk_type = "",
                    json extra = json::object()) {
        json body{{"TableName", name},
                  {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                  {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                  {"BillingMode", "PAY_PER_REQUEST"}};
        if (!sk_type.empty()) {
            body["AttributeDefinitions"].push_back(
                {{"AttributeName", "sk"}, {"AttributeType", sk_type}});
            body["KeySchema"].push_back({{"AttributeName", "sk"}, {"KeyType", "RANGE"}});
        }
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            body[it.key()] = it.value();
        }
        ok("CreateTable", body);
    }
    json put(const std::string& table, const json& item) {
        return ok("PutItem", {{"TableName", table}, {"Item", item}});
    }
};

// Checks a DynamoDB error: status 400, the __type suffix and the message.
inline void check_error(const ddb_result& r, const std::string& code,
                        const std::string& message = {}) {
    INFO(r.raw.body);
    CHECK(r.status == 400);
    auto type = r.body.value("__type", std::string());
    CHECK(type.substr(type.find('#') + 1) == code);
    if (!message.empty()) {
        std::string got = r.body.contains("message") ? r.body["message"].get<std::string>()
                                                     : r.body.value("Message", std::string());
        CHECK(got == message);
    }
    CHECK(!r.raw.header("x-amz-crc32").empty());
}

inline json S(const std::string& s) {
    return json{{"S", s}};
}
inline json N(const std::string& n) {
    return json{{"N", n}};
}

// An item (pk "p", sk 1) with every kind of value whose text could differ between a stored
// item passed through unparsed and a parsed one: nested map and list, sets, binary, NULL,
// escapes, and 2- and 4-byte UTF-8.
inline json rich_item() {
    return json{{"pk", S("p")},
                {"sk", N("1")},
                {"m", {{"M", {{"a", {{"L", {N("1.50"), S("x"), {{"BOOL", true}}}}}}}}}},
                {"ss", {{"SS", {"b", "a"}}}},
                {"ns", {{"NS", {"10", "2"}}}},
                {"bin", {{"B", "AAEC"}}},
                {"none", {{"NULL", true}}},
                {"text", S("quote \" and \\u00e9 \xc3\xa9 \xf0\x9f\x98\x80")}};
}

} // namespace cloudbox::test
