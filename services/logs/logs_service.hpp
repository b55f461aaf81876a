// CloudWatch Logs (awsJson1_1, Logs_20140328.*): the subset `aws logs describe-log-groups`,
// `describe-log-streams`, `get-log-events`, `filter-log-events` and `tail` use, plus the writes
// (CreateLogGroup/Stream, PutLogEvents). It is also where Lambda's log lines land.
#pragma once

#include "core/clock.hpp"
#include "lambda/log_sink.hpp"
#include "logs/log_writer.hpp"
#include "logs/logs_store.hpp"
#include "service/service.hpp"

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

namespace cloudbox::services::logs {

using json = nlohmann::json;

struct logs_call {
    logs_store& store;
    core::clock& clock;
    service::request& req;
    json input;
    std::string scope() const { return req.ctx.account_id + ":" + req.ctx.region; }
    std::string group_arn(const std::string& group) const {
        return "arn:aws:logs:" + req.ctx.region + ":" + req.ctx.account_id + ":log-group:" + group;
    }
    // Members with the protocol's type checks.
    std::string required_string(const char* member) const;
    std::optional<std::string> optional_string(const char* member) const;
    std::optional<std::int64_t> optional_int(const char* member) const;
};

class logs_service final : public service::aws_service, public cloudbox::lambda::log_sink {
  public:
    logs_service(std::filesystem::path root, bool in_memory, core::clock& clock);
    ~logs_service() override;

    std::string_view name() const override { return "logs"; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override;

    // lambda::log_sink: a function's lines, queued for the group-commit writer (log_writer);
    // every Logs API call first waits for what was queued before it.
    void write(const cloudbox::lambda::log_batch& batch) override;

  private:
    core::clock& clock_;
    std::unique_ptr<logs_store> store_;
    std::unique_ptr<log_writer> writer_; // declared after store_: stops first
};

} // namespace cloudbox::services::logs
