// The SQS service: one dispatch table serving both wire protocols (JSON 1.0 and query).
#pragma once

#include "core/clock.hpp"
#include "service/service.hpp"
#include "sqs/sqs_codec.hpp"
#include "sqs/sqs_engine.hpp"
#include "sqs/sqs_store.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace cloudbox::services::sqs {

struct sqs_options {
    std::filesystem::path root; // sqs.db lives here
    bool in_memory = false;
    std::string default_region = "us-east-1";
};

// What an operation reaches: the request, its decoded input, the engine.
struct sqs_call {
    service::request& req;
    sqs_input& in;
    sqs_engine& engine;

    // http://<Host header>/<account>/<name>, as AWS forms queue URLs.
    std::string queue_url(const queue_record& q) const;
    // The queue named by the QueueUrl parameter (any host); NonExistentQueue when unknown.
    // Requires the engine lock.
    live_queue& queue();
    // The account of the caller (credential), for new queues.
    const std::string& account() const { return req.ctx.account_id; }
    // SenderId of messages this caller sends (its access key id, else its account).
    std::string sender_id() const {
        return req.ctx.access_key.empty() ? req.ctx.account_id : req.ctx.access_key;
    }
    service::response respond(const nlohmann::json& output) const;
};

using sqs_operation = service::response (*)(sqs_call&);

// Splits a queue URL (any scheme and host) into account and name; nullopt when malformed.
std::optional<std::pair<std::string, std::string>> parse_queue_url(std::string_view url);

class sqs_service final : public service::aws_service {
  public:
    sqs_service(sqs_options options, core::clock& clock);
    ~sqs_service() override;

    std::string_view name() const override { return "sqs"; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override;

    // The in-process observer hook: see sqs_engine::subscribe (Lambda's SQS event source polls
    // through the dispatcher when it is called, instead of busy-waiting).
    int subscribe(const std::string& account, const std::string& queue_name,
                  std::function<void()> listener) {
        return engine_->subscribe(account, queue_name, std::move(listener));
    }
    void unsubscribe(int id) { engine_->unsubscribe(id); }
    std::size_t waiting_receives() { return engine_->waiting_receives(); }

  private:
    sqs_options options_;
    core::clock& clock_;
    std::unique_ptr<sqs_store> store_;
    std::unique_ptr<sqs_engine> engine_;
    int clock_listener_ = 0;
};

} // namespace cloudbox::services::sqs
