// Helpers for the EventBridge service tests: AWSEvents.* JSON calls against a test server.
#pragma once

#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace cloudbox::test {

struct events_reply {
    int status = 0;
    nlohmann::json body;
    std::string error_type() const { return body.value("__type", ""); }
    std::string message() const { return body.value("message", ""); }
};

inline events_reply events_call_raw(http_client& client, const std::string& op,
                                    const std::string& body) {
    client.signing_service = "events";
    auto r = client.request(
        "POST", "/", body,
        {{"x-amz-target", "AWSEvents." + op}, {"content-type", "application/x-amz-json-1.1"}});
    events_reply reply{r.status, nlohmann::json::parse(r.body, nullptr, false)};
    CHECK(r.header("content-type") == "application/x-amz-json-1.1");
    return reply;
}

inline events_reply events_call(http_client& client, const std::string& op,
                                const nlohmann::json& input) {
    return events_call_raw(client, op, input.dump());
}

} // namespace cloudbox::test
