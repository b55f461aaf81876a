// The Lambda service (rest-json, /2015-03-31/...): route table, dispatch table, errors, and the
// invoker that runs C++ functions and delivers asynchronous invocations.
#pragma once

#include "core/clock.hpp"
#include "lambda/executor.hpp"
#include "lambda/lambda_store.hpp"
#include "service/service.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cloudbox::service {
class dispatcher;
}

namespace cloudbox::services::lambda {

class lambda_invoker;

struct lambda_options {
    std::filesystem::path root; // lambda.db lives here
    bool in_memory = false;
};

// What every operation reaches.
struct lambda_context {
    lambda_store& store;
    core::clock& clock;
    cloudbox::lambda::executor& executor;
    lambda_invoker& invoker;
    service::dispatcher* dispatcher = nullptr; // set by attach(): S3 code, internal calls
};

// One operation's view of its request.
struct lambda_call {
    lambda_context& lambda;
    service::request& req;
    std::vector<std::string> params; // path parameters, decoded, in order

    scope_key scope() const { return {req.ctx.account_id, req.ctx.region}; }
    // "arn:aws:lambda:<region>:<account>:function:"
    std::string function_arn_prefix() const {
        return "arn:aws:lambda:" + req.ctx.region + ":" + req.ctx.account_id + ":function:";
    }
    // The body as a JSON object; {} when empty. Throws Lambda's error for malformed JSON.
    json body() const;
};

class lambda_service final : public service::aws_service {
  public:
    lambda_service(lambda_options options, core::clock& clock, cloudbox::lambda::log_sink& logs,
                   std::vector<cloudbox::lambda::registered_function> handlers);
    ~lambda_service() override;

    // The dispatcher functions call AWS through, and DLQs / destinations are delivered with.
    void attach(service::dispatcher& dispatcher);

    std::string_view name() const override { return "lambda"; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override;
    // POST /_cloudbox/lambda/drain: returns once every due asynchronous invocation is done.
    std::optional<service::response> control(service::request& req) override;

    // Waits until no asynchronous invocation is due or running (the lead's events/drain).
    bool drain(std::chrono::milliseconds timeout);
    // Stops async delivery and waits for running functions (before other services go away).
    void shutdown();
    lambda_store& store() { return *store_; }
    cloudbox::lambda::executor& executor() { return *executor_; }

  private:
    lambda_options options_;
    core::clock& clock_;
    service::dispatcher* dispatcher_ = nullptr;
    std::unique_ptr<lambda_store> store_;
    std::unique_ptr<cloudbox::lambda::executor> executor_;
    std::unique_ptr<lambda_invoker> invoker_;
    std::unique_ptr<lambda_context> context_;
};

} // namespace cloudbox::services::lambda
