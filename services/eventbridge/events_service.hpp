// EventBridge (awsJson1_1, X-Amz-Target AWSEvents.*): rules with schedules and their targets.
// Scheduled rules are timers on the injected clock; a firing sends AWS's "Scheduled Event" to
// each target through the delivery function app wires in (Lambda async invoke, SQS send).
#pragma once

#include "core/clock.hpp"
#include "eventbridge/events_store.hpp"
#include "events/event_bus.hpp"
#include "events/scheduler.hpp"
#include "service/service.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace cloudbox::services::eventbridge {

// Sends one event payload to a target ARN. Runs on the event bus.
using deliver_fn = std::function<void(const std::string& target_arn, const std::string& payload)>;

class events_service;

// What one operation sees: the parsed input and where it runs.
struct events_call {
    events_service& svc;
    service::request& req;
    const nlohmann::json& input;
    std::string account;
    std::string region;
};

class events_service final : public service::aws_service {
  public:
    events_service(const std::filesystem::path& root, bool in_memory, core::clock& clock,
                   cloudbox::events::scheduler& scheduler, cloudbox::events::event_bus& bus);
    ~events_service() override;

    std::string_view name() const override { return "events"; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override;

    void set_delivery(deliver_fn deliver);

    events_store& store() { return *store_; }
    core::clock& clock() { return clock_; }
    // Arms (or disarms) the schedule of a rule after it changed.
    void schedule(const rule_record& rule);
    void unschedule(const rule_record& rule);
    static std::string rule_arn(const rule_record& rule);

  private:
    void fire(const rule_record& rule, core::clock::time_point due);

    core::clock& clock_;
    cloudbox::events::scheduler& scheduler_;
    cloudbox::events::event_bus& bus_;
    std::unique_ptr<events_store> store_;
    std::mutex delivery_mutex_;
    deliver_fn deliver_;
};

} // namespace cloudbox::services::eventbridge
