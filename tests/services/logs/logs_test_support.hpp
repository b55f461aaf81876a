// Shared setup for the CloudWatch Logs service tests.
#pragma once

#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace cloudbox::test {

using json = nlohmann::json;

struct logs_fixture {
    test_server server;
    http_client c{server.port()};
    logs_fixture() { c.signing_service = "logs"; }

    http_response call(const std::string& op, const std::string& body) {
        return c.request("POST", "/", body,
                         {{"x-amz-target", "Logs_20140328." + op},
                          {"content-type", "application/x-amz-json-1.1"}});
    }
    http_response call(const std::string& op, const json& body) { return call(op, body.dump()); }
    json ok(const std::string& op, const json& body) {
        auto r = call(op, body);
        INFO(op << ": " << r.body);
        REQUIRE(r.status == 200);
        return json::parse(r.body);
    }
    void seed(const std::string& group, const std::string& stream,
              const std::vector<std::pair<std::int64_t, std::string>>& events) {
        call("CreateLogGroup", json{{"logGroupName", group}});
        call("CreateLogStream", json{{"logGroupName", group}, {"logStreamName", stream}});
        json list = json::array();
        for (const auto& [ts, m] : events) {
            list.push_back({{"timestamp", ts}, {"message", m}});
        }
        ok("PutLogEvents",
           {{"logGroupName", group}, {"logStreamName", stream}, {"logEvents", list}});
    }
};

inline void check_logs_error(const http_response& r, const std::string& code,
                             const std::string& message = {}) {
    INFO(r.body);
    CHECK(r.status == 400);
    auto body = json::parse(r.body, nullptr, false);
    REQUIRE(body.is_object());
    CHECK(body.value("__type", "") == code);
    if (!message.empty()) {
        CHECK(body.value("message", "") == message);
    }
}

} // namespace cloudbox::test
