// The asynchronous invocation queue and its delivery.
#include "lambda/lambda_invoker.hpp"

#include "core/ids.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "lambda/lambda_model.hpp"
#include "service/internal_client.hpp"

namespace cloudbox::services::lambda {

namespace {

constexpr int default_retries = 2;
constexpr std::int64_t default_max_age_seconds = 21600;
constexpr std::int64_t retry_step_ms = 60'000; // 1 minute, then 2
constexpr std::int64_t throttle_delay_ms = 1'000;

std::string arn_part(const std::string& arn, int index) {
    std::size_t at = 0;
    for (int i = 0; i < index; ++i) {
        at = arn.find(':', at);
        if (at == std::string::npos) {
            return {};
        }
        ++at;
    }
    return arn.substr(at, arn.find(':', at) - at);
}

} // namespace

lambda_invoker::lambda_invoker(lambda_store& store, core::clock& clock,
                               cloudbox::lambda::executor& executor)
    : store_(store), clock_(clock), executor_(executor) {
    thread_ = std::thread([this] { deliver_loop(); });
}

lambda_invoker::~lambda_invoker() {
    stop();
}

void lambda_invoker::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void lambda_invoker::enqueue(const scope_key& scope, const std::string& function_name,
                             const std::string& qualifier, const std::string& payload,
                             const std::string& request_id) {
    async_item item;
    item.account = scope.account;
    item.region = scope.region;
    item.function_name = function_name;
    item.qualifier = qualifier;
    item.payload = payload;
    item.request_id = request_id;
    item.enqueued_ms = clock_.now_millis();
    item.next_ms = item.enqueued_ms;
    store_.enqueue(item);
    wake_.notify_all();
}

bool lambda_invoker::drain(std::chrono::milliseconds timeout) {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        {
            std::lock_guard lock(mutex_);
            if (in_progress_.empty() && store_.count_due(clock_.now_millis()) == 0) {
                return true;
            }
        }
        wake_.notify_all();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

void lambda_invoker::deliver_loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        // Polls the clock: a test may advance it past a retry's time at any moment.
        wake_.wait_for(lock, std::chrono::milliseconds(50));
        if (stopping_) {
            break;
        }
        lock.unlock();
        std::vector<async_item> due;
        try {
            due = store_.due(clock_.now_millis(), 64);
        } catch (const std::exception& e) {
            core::log_warn(std::string("lambda: async queue: ") + e.what());
        }
        for (const auto& item : due) {
            {
                std::lock_guard guard(mutex_);
                if (!in_progress_.insert(item.id).second) {
                    continue;
                }
            }
            deliver(item);
        }
        lock.lock();
    }
}

void lambda_invoker::deliver(const async_item& item) {
    scope_key scope{item.account, item.region};
    auto finish_item = [this, &item] {
        store_.remove(item.id);
        std::lock_guard guard(mutex_);
        in_progress_.erase(item.id);
    };
    std::string version = item.qualifier.empty() ? "$LATEST" : item.qualifier;
    std::string invoked = "arn:aws:lambda:" + item.region + ":" + item.account +
                          ":function:" + item.function_name +
                          (item.qualifier.empty() ? "" : ":" + item.qualifier);
    if (auto alias = store_.get_alias(scope, item.function_name, version)) {
        version = alias->value("FunctionVersion", "$LATEST");
    }
    auto config = store_.get_version(scope, item.function_name, version);
    if (!config) {
        core::log_warn("lambda: dropping an event for deleted function " + invoked);
        finish_item();
        return;
    }
    auto invoke_config = store_
                             .get_invoke_config(scope, item.function_name,
                                                item.qualifier.empty() ? "$LATEST" : item.qualifier)
                             .value_or(json::object());
    std::int64_t max_age = invoke_config.value("MaximumEventAgeInSeconds", default_max_age_seconds);
    if (clock_.now_millis() - item.enqueued_ms > max_age * 1000) {
        send_failure(item, *config, invoke_config, "EventAgeExceeded", nullptr);
        finish_item();
        return;
    }
    cloudbox::lambda::invocation inv;
    inv.fn = spec_for(store_, scope, *config, invoked);
    inv.request_id = item.request_id;
    inv.payload = item.payload;
    json config_copy = *config;
    bool started = executor_.submit(std::move(inv), [this, item, config_copy](auto result) {
        completed(item, config_copy, result);
    });
    if (!started) {
        // Throttled: Lambda keeps retrying throttles (for up to six hours) without counting them.
        store_.reschedule(item.id, item.attempts, clock_.now_millis() + throttle_delay_ms);
        std::lock_guard guard(mutex_);
        in_progress_.erase(item.id);
    }
}

void lambda_invoker::completed(const async_item& item, const json& config,
                               const cloudbox::lambda::invocation_result& result) {
    scope_key scope{item.account, item.region};
    auto invoke_config = store_
                             .get_invoke_config(scope, item.function_name,
                                                item.qualifier.empty() ? "$LATEST" : item.qualifier)
                             .value_or(json::object());
    int attempts = item.attempts + 1;
    try {
        if (!result.function_error) {
            auto on_success = invoke_config.value("DestinationConfig", json::object())
                                  .value("OnSuccess", json::object())
                                  .value("Destination", "");
            if (!on_success.empty()) {
                json record = {
                    {"version", "1.0"},
                    {"timestamp", core::format_iso8601_millis(clock_.now())},
                    {"requestContext",
                     {{"requestId", item.request_id},
                      {"functionArn", config.value("FunctionArn", "")},
                      {"condition", "Success"},
                      {"approximateInvokeCount", attempts}}},
                    {"requestPayload", json::parse(item.payload, nullptr, false)},
                    {"responseContext",
                     {{"statusCode", 200}, {"executedVersion", config.value("Version", "")}}},
                    {"responsePayload", json::parse(result.payload, nullptr, false)}};
                send_to_destination(item, on_success, record);
            }
            store_.remove(item.id);
        } else if (attempts <= invoke_config.value("MaximumRetryAttempts", default_retries)) {
            store_.reschedule(item.id, attempts, clock_.now_millis() + retry_step_ms * attempts);
        } else {
            async_item last = item;
            last.attempts = attempts;
            send_failure(last, config, invoke_config, "RetriesExhausted", &result);
            store_.remove(item.id);
        }
    } catch (const std::exception& e) {
        core::log_warn(std::string("lambda: async completion: ") + e.what());
    }
    {
        std::lock_guard guard(mutex_);
        in_progress_.erase(item.id);
    }
    wake_.notify_all();
}

void lambda_invoker::send_failure(const async_item& item, const json& config,
                                  const json& invoke_config, const std::string& condition,
                                  const cloudbox::lambda::invocation_result* result) {
    std::string dlq = config.value("DeadLetterConfig", json::object()).value("TargetArn", "");
    std::string error_message = result ? result->error_message : "Event age exceeded";
    if (!dlq.empty() && dlq.starts_with("arn:aws:sqs:")) {
        // The DLQ gets the original event, with what went wrong in message attributes.
        json attributes = {
            {"RequestID", {{"DataType", "String"}, {"StringValue", item.request_id}}},
            {"ErrorCode", {{"DataType", "Number"}, {"StringValue", "200"}}},
            {"ErrorMessage",
             {{"DataType", "String"}, {"StringValue", error_message.substr(0, 1024)}}}};
        send_to_queue(item, dlq, item.payload, attributes);
    }
    auto on_failure = invoke_config.value("DestinationConfig", json::object())
                          .value("OnFailure", json::object())
                          .value("Destination", "");
    if (!on_failure.empty()) {
        json response_context = {{"statusCode", 200},
                                 {"executedVersion", config.value("Version", "$LATEST")}};
        if (result) {
            response_context["functionError"] = "Unhandled";
        }
        json record = {{"version", "1.0"},
                       {"timestamp", core::format_iso8601_millis(clock_.now())},
                       {"requestContext",
                        {{"requestId", item.request_id},
                         {"functionArn", config.value("FunctionArn", "")},
                         {"condition", condition},
                         {"approximateInvokeCount", item.attempts}}},
                       {"requestPayload", json::parse(item.payload, nullptr, false)},
                       {"responseContext", response_context}};
        if (result) {
            record["responsePayload"] = json::parse(result->payload, nullptr, false);
        }
        send_to_destination(item, on_failure, record);
    }
}

void lambda_invoker::send_to_destination(const async_item& item, const std::string& destination,
                                         const json& record) {
    if (destination.starts_with("arn:aws:sqs:")) {
        send_to_queue(item, destination, record.dump(), json::object());
    } else if (destination.starts_with("arn:aws:lambda:")) {
        std::string name = arn_part(destination, 6);
        std::string qualifier = arn_part(destination, 7);
        enqueue({arn_part(destination, 4), arn_part(destination, 3)}, name, qualifier,
                record.dump(), core::new_request_id());
    } else {
        core::log_warn("lambda: destination " + destination + " is not served by cloudbox");
    }
}

void lambda_invoker::send_to_queue(const async_item& item, const std::string& queue_arn,
                                   const std::string& body, const json& attributes) {
    if (dispatcher_ == nullptr) {
        return;
    }
    service::internal_client client(*dispatcher_, {arn_part(queue_arn, 4), arn_part(queue_arn, 3)});
    try {
        auto url = client.call_json("sqs", "AmazonSQS.GetQueueUrl",
                                    {{"QueueName", arn_part(queue_arn, 5)},
                                     {"QueueOwnerAWSAccountId", arn_part(queue_arn, 4)}});
        json send = {{"QueueUrl", url.value("QueueUrl", "")}, {"MessageBody", body}};
        if (!attributes.empty()) {
            send["MessageAttributes"] = attributes;
        }
        client.call_json("sqs", "AmazonSQS.SendMessage", send);
    } catch (const core::aws_error& e) {
        core::log_warn("lambda: could not deliver " + item.request_id + " to " + queue_arn + ": " +
                       e.code + " " + e.message);
    }
}

} // namespace cloudbox::services::lambda
