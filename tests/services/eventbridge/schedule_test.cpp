// Scheduled rules fire from the clock: AWS's "Scheduled Event" to each target, Input /
// InputPath / InputTransformer applied, nothing while disabled, and schedules survive restart.
#include "eventbridge/events_service.hpp"
#include "eventbridge_test_support.hpp"
#include "events/scheduler.hpp"
#include "service/dispatcher.hpp"

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

using namespace cloudbox;
using namespace cloudbox::test;
using nlohmann::json;

namespace {

struct delivery_log {
    std::mutex m;
    std::vector<std::pair<std::string, json>> sent;
    std::vector<std::pair<std::string, json>> take() {
        std::lock_guard lock(m);
        return std::exchange(sent, {});
    }
};

void capture_deliveries(test_server& srv, delivery_log& log) {
    auto* svc = dynamic_cast<services::eventbridge::events_service*>(
        srv.app().dispatcher().services().find("events"));
    REQUIRE(svc != nullptr);
    svc->set_delivery([&log](const std::string& arn, const std::string& payload) {
        std::lock_guard lock(log.m);
        log.sent.emplace_back(arn, json::parse(payload));
    });
}

void advance(http_client& c, int seconds) {
    REQUIRE(
        c.request("POST", "/_cloudbox/clock", json{{"advance_seconds", seconds}}.dump()).status ==
        200);
    REQUIRE(c.request("POST", "/_cloudbox/events/drain").status == 200);
}

const std::string fn_arn = "arn:aws:lambda:us-east-1:000000000000:function:purge";

} // namespace

TEST_CASE("schedules: a rate rule fires once per period of clock time", "[service]") {
    test_server srv;
    delivery_log log;
    capture_deliveries(srv, log);
    http_client c(srv.port());
    REQUIRE(c.request("POST", "/_cloudbox/clock",
                      json{{"freeze", true}, {"set", "2026-01-01T00:00:00Z"}}.dump())
                .status == 200);
    REQUIRE(events_call(c, "PutRule", {{"Name", "hourly"}, {"ScheduleExpression", "rate(1 hour)"}})
                .status == 200);
    REQUIRE(events_call(c, "PutTargets",
                        {{"Rule", "hourly"}, {"Targets", {{{"Id", "1"}, {"Arn", fn_arn}}}}})
                .status == 200);

    advance(c, 3599);
    CHECK(log.take().empty());
    advance(c, 1);
    auto sent = log.take();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].first == fn_arn);
    const json& event = sent[0].second;
    CHECK(event["version"] == "0");
    CHECK(event["detail-type"] == "Scheduled Event");
    CHECK(event["source"] == "aws.events");
    CHECK(event["account"] == "000000000000");
    CHECK(event["region"] == "us-east-1");
    CHECK(event["time"] == "2026-01-01T01:00:00Z");
    CHECK(event["resources"] == json::array({"arn:aws:events:us-east-1:000000000000:rule/hourly"}));
    CHECK(event["detail"] == json::object());
    CHECK(event["id"].get<std::string>().size() == 36);

    // a jump of three hours delivers the three missed occurrences, each once; the bus runs
    // deliveries on several workers (and AWS promises no order), so they may arrive in any order
    advance(c, 3 * 3600);
    sent = log.take();
    REQUIRE(sent.size() == 3);
    std::vector<std::string> times;
    for (const auto& [arn, delivered] : sent) {
        times.push_back(delivered["time"]);
    }
    std::sort(times.begin(), times.end());
    CHECK(times == std::vector<std::string>{"2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z",
                                            "2026-01-01T04:00:00Z"});

    REQUIRE(events_call(c, "DisableRule", {{"Name", "hourly"}}).status == 200);
    advance(c, 7200);
    CHECK(log.take().empty());
}

TEST_CASE("schedules: Input, InputPath and InputTransformer shape what a target gets",
          "[service]") {
    test_server srv;
    delivery_log log;
    capture_deliveries(srv, log);
    http_client c(srv.port());
    REQUIRE(c.request("POST", "/_cloudbox/clock",
                      json{{"freeze", true}, {"set", "2026-03-01T00:00:00Z"}}.dump())
                .status == 200);
    REQUIRE(events_call(c, "PutRule", {{"Name", "r"}, {"ScheduleExpression", "cron(0 6 * * ? *)"}})
                .status == 200);
    json targets = {
        {{"Id", "constant"}, {"Arn", fn_arn}, {"Input", R"({"bucket":"pictures"})"}},
        {{"Id", "path"}, {"Arn", fn_arn}, {"InputPath", "$.resources[0]"}},
        {{"Id", "template"},
         {"Arn", fn_arn},
         {"InputTransformer",
          {{"InputPathsMap", {{"t", "$.time"}}}, {"InputTemplate", R"({"at":"<t>"})"}}}}};
    REQUIRE(events_call(c, "PutTargets", {{"Rule", "r"}, {"Targets", targets}}).status == 200);
    advance(c, 6 * 3600);
    auto sent = log.take();
    REQUIRE(sent.size() == 3);
    std::map<std::string, json> by_payload;
    for (auto& [arn, payload] : sent) {
        by_payload[payload.dump()] = payload;
    }
    CHECK(by_payload.count(R"({"bucket":"pictures"})") == 1);
    CHECK(by_payload.count(R"("arn:aws:events:us-east-1:000000000000:rule/r")") == 1);
    CHECK(by_payload.count(R"({"at":"2026-03-01T06:00:00Z"})") == 1);
}

TEST_CASE("schedules: rules stored on disk are armed again after a restart", "[service]") {
    temp_dir dir;
    {
        test_server srv(on_disk(dir));
        http_client c(srv.port());
        REQUIRE(
            events_call(c, "PutRule", {{"Name", "daily"}, {"ScheduleExpression", "rate(1 day)"}})
                .status == 200);
        REQUIRE(events_call(c, "PutTargets",
                            {{"Rule", "daily"}, {"Targets", {{{"Id", "1"}, {"Arn", fn_arn}}}}})
                    .status == 200);
    }
    test_server srv(on_disk(dir));
    delivery_log log;
    capture_deliveries(srv, log);
    http_client c(srv.port());
    REQUIRE(c.request("POST", "/_cloudbox/clock", json{{"freeze", true}}.dump()).status == 200);
    advance(c, 86400);
    CHECK(log.take().size() == 1);
}
