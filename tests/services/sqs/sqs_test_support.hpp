// Shared setup for the SQS service tests: a server and a client speaking either protocol.
#pragma once

#include "services/service_test_support.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cloudbox::test {

namespace protocol = cloudbox::protocol;
using nlohmann::json;
using form = std::vector<std::pair<std::string, std::string>>;

// A client for SQS: JSON 1.0 (X-Amz-Target) or query (form body) requests, signed for "sqs".
struct sqs_client {
    http_client c;
    explicit sqs_client(std::uint16_t port) : c(port) { c.signing_service = "sqs"; }

    http_response json_call(const std::string& action, const json& body) {
        return c.request("POST", "/", body.dump(),
                         {{"X-Amz-Target", "AmazonSQS." + action},
                          {"Content-Type", "application/x-amz-json-1.0"}});
    }
    http_response raw_json(const std::string& action, const std::string& body) {
        return c.request("POST", "/", body,
                         {{"X-Amz-Target", "AmazonSQS." + action},
                          {"Content-Type", "application/x-amz-json-1.0"}});
    }
    http_response query_call(const std::string& action, const form& params,
                             const std::string& path = "/") {
        std::string body = "Action=" + action + "&Version=2012-11-05";
        for (const auto& [k, v] : params) {
            body += "&" + core::url_encode(k) + "=" + core::url_encode(v);
        }
        return c.request("POST", path, body,
                         {{"Content-Type", "application/x-www-form-urlencoded"}});
    }
    // JSON call that must succeed; returns the parsed body.
    json ok(const std::string& action, const json& body) {
        auto r = json_call(action, body);
        INFO(action << " " << r.body);
        REQUIRE(r.status == 200);
        return r.body.empty() ? json::object() : json::parse(r.body);
    }
    std::string create_queue(const std::string& name, const json& attributes = json::object()) {
        json body{{"QueueName", name}};
        if (!attributes.empty()) {
            body["Attributes"] = attributes;
        }
        return ok("CreateQueue", body)["QueueUrl"].get<std::string>();
    }
    json send(const std::string& url, const std::string& body, json extra = json::object()) {
        extra["QueueUrl"] = url;
        extra["MessageBody"] = body;
        return ok("SendMessage", extra);
    }
    json receive(const std::string& url, json extra = json::object()) {
        extra["QueueUrl"] = url;
        auto out = ok("ReceiveMessage", extra);
        return out.contains("Messages") ? out["Messages"] : json::array();
    }
    std::string attribute(const std::string& url, const std::string& name) {
        auto out = ok("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {name}}});
        return out["Attributes"][name].get<std::string>();
    }
};

// A JSON-protocol error: status, __type, the query-compatible header and the message.
inline void check_json_error(const http_response& r, int status, const std::string& query_code,
                             const std::string& json_type, const std::string& message = {}) {
    INFO(r.body);
    CHECK(r.status == status);
    auto body = json::parse(r.body, nullptr, false);
    REQUIRE(body.is_object());
    CHECK(body.value("__type", "") == json_type);
    if (query_code.empty()) {
        CHECK(!r.has_header("x-amzn-query-error"));
    } else {
        CHECK(r.header("x-amzn-query-error") == query_code + ";Sender");
    }
    if (!message.empty()) {
        CHECK(body.value("message", "") == message);
    }
    CHECK(r.header("content-type") == "application/x-amz-json-1.0");
}

// A query-protocol error: <ErrorResponse><Error><Type/><Code/><Message/></Error>.
inline void check_query_error(const http_response& r, int status, const std::string& code,
                              const std::string& message = {}) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(xml_root(r.body) == "ErrorResponse");
    CHECK(xml_find(r.body, "Code") == code);
    CHECK(xml_find(r.body, "Type") == "Sender");
    if (!message.empty()) {
        CHECK(xml_find(r.body, "Message") == message);
    }
    CHECK(!xml_find(r.body, "RequestId").empty());
}

// A server with a client and the clock frozen (visibility and delays advance explicitly).
struct sqs_fixture {
    test_server srv;
    sqs_client sqs{srv.port()};
    sqs_fixture() { srv.app().clock().freeze(); }
    void advance(int seconds) { srv.app().clock().advance(std::chrono::seconds(seconds)); }
};

// A source queue redriving into "dlq" after one receive, with three messages already moved.
struct dlq_setup {
    std::string source, dlq;
    explicit dlq_setup(sqs_fixture& f) {
        dlq = f.sqs.create_queue("dlq");
        std::string redrive =
            R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:dlq","maxReceiveCount":1})";
        source = f.sqs.create_queue("src", {{"RedrivePolicy", redrive}});
        for (int i = 0; i < 3; ++i) {
            f.sqs.send(source, "m" + std::to_string(i));
        }
        f.sqs.receive(source, {{"MaxNumberOfMessages", 10}, {"VisibilityTimeout", 0}});
        f.sqs.receive(source, {{"MaxNumberOfMessages", 10}}); // moves all three
    }
};

} // namespace cloudbox::test
