// Wires one cloudbox instance together. The list of services is written out here, explicitly.
#include "app.hpp"

#include "arn_delivery.hpp"

#include "core/ids.hpp"
#include "core/logging.hpp"
#include "dynamodb/dynamodb_service.hpp"
#include "eventbridge/events_service.hpp"
#include "events/event_bus.hpp"
#include "events/scheduler.hpp"
#include "http/control_routes.hpp"
#include "http/server.hpp"
#include "lambda/handler.hpp"
#include "lambda/lambda_service.hpp"
#include "lambda_sources/event_source_poller.hpp"
#include "logs/logs_service.hpp"
#include "s3/s3_service.hpp"
#include "service/dispatcher.hpp"
#include "service/registry.hpp"
#include "ses/ses_service.hpp"
#include "ses/sesv2_service.hpp"
#include "sqs/sqs_service.hpp"

#include <unistd.h>

namespace cloudbox {

namespace fs = std::filesystem;

app::app(core::config config) : config_(std::move(config)) {
    core::log_level level = core::log_level::info;
    core::parse_log_level(config_.log_level, level);
    core::set_log_level(level);
    core::seed_ids(config_.id_seed);

    if (config_.in_memory) {
        // Databases live in memory; blobs (which must stream, never sit whole in RAM) go to a
        // private temporary directory removed on exit.
        state_root_ = fs::temp_directory_path() /
                      ("cloudbox-" + std::to_string(::getpid()) + "-" + core::random_hex(4));
        remove_state_root_ = true;
    } else {
        state_root_ = fs::absolute(config_.data_dir);
    }
    fs::create_directories(state_root_);

    bus_ = std::make_unique<events::event_bus>(config_.sync_events);
    scheduler_ = std::make_unique<events::scheduler>(clock_);
    registry_ = std::make_unique<service::registry>();
    services::s3::s3_options s3_opts{state_root_ / "s3", config_.in_memory, config_.region};
    s3_opts.bus = bus_.get();
    registry_->add(std::make_unique<services::s3::s3_service>(s3_opts, clock_));
    registry_->add(std::make_unique<services::eventbridge::events_service>(
        state_root_ / "events", config_.in_memory, clock_, *scheduler_, *bus_));
    // SES v1 and v2 share one store and mailbox.
    auto ses = std::make_shared<services::ses::ses_backend>(
        services::ses::ses_options{state_root_ / "ses", config_.in_memory, config_.ses_sandbox},
        clock_);
    registry_->add(std::make_unique<services::ses::ses_service>(ses));
    registry_->add(std::make_unique<services::ses::sesv2_service>(ses));
    services::sqs::sqs_options sqs_opts{state_root_ / "sqs", config_.in_memory, config_.region};
    registry_->add(std::make_unique<services::sqs::sqs_service>(sqs_opts, clock_));
    auto [dynamodb, dynamodb_streams] = services::dynamodb::make_dynamodb_services(
        {state_root_ / "dynamodb", config_.in_memory, config_.region}, clock_);
    registry_->add(std::move(dynamodb));
    registry_->add(std::move(dynamodb_streams));
    auto logs = std::make_unique<services::logs::logs_service>(state_root_ / "logs",
                                                               config_.in_memory, clock_);
    auto lambda = std::make_unique<services::lambda::lambda_service>(
        services::lambda::lambda_options{state_root_ / "lambda", config_.in_memory}, clock_, *logs,
        lambda::registered_functions());
    lambda_ = lambda.get();
    registry_->add(std::move(logs));
    registry_->add(std::move(lambda));

    dispatcher_ = std::make_unique<service::dispatcher>(*registry_, clock_, config_);
    lambda_->attach(*dispatcher_); // functions call AWS through the dispatcher, in-process
    wire_events();
    control_ = std::make_unique<http::control_routes>(*dispatcher_, config_, *bus_, *scheduler_);
    server_ = std::make_unique<http::server>(config_, *dispatcher_, *control_, clock_);
}

// Cross-service events: S3 notifications and EventBridge targets go to a Lambda function (async
// invoke) or an SQS queue by ARN; event source mappings are polled; drain waits for all of it.
void app::wire_events() {
    auto deliver = [this](const std::string& arn, const std::string& payload) {
        deliver_to_arn(*dispatcher_, arn, payload);
        if (config_.sync_events) {
            // The async invocation just queued runs before the request that caused it answers.
            lambda_->drain(std::chrono::seconds(60));
        }
    };
    if (auto* s3 = dynamic_cast<services::s3::s3_service*>(registry_->find("s3"))) {
        s3->notifier().set_delivery(deliver);
    }
    if (auto* rules =
            dynamic_cast<services::eventbridge::events_service*>(registry_->find("events"))) {
        rules->set_delivery(deliver);
    }
    poller_ = std::make_unique<services::lambda_sources::event_source_poller>(
        *dispatcher_, clock_, [this] { return lambda_->store().all_mappings(); });
    if (auto* sqs = dynamic_cast<services::sqs::sqs_service*>(registry_->find("sqs"))) {
        // A send wakes the SQS mappings of its queue at once (the 200 ms pass is a fallback).
        poller_->set_queue_signals({[sqs](const std::string& account, const std::string& queue,
                                          std::function<void()> listener) {
                                        return sqs->subscribe(account, queue, std::move(listener));
                                    },
                                    [sqs](int id) { sqs->unsubscribe(id); }});
    }
    if (auto* ddb =
            dynamic_cast<services::dynamodb::dynamodb_service*>(registry_->find("dynamodb"))) {
        // A write that appended stream records wakes the stream mappings at once.
        ddb->set_stream_listener([this] { poller_->wake(); });
    }
    // A new, changed or deleted mapping is followed at once.
    lambda_->store().set_mappings_listener([this] { poller_->wake(); });
    // Stream mappings resume where they left off after a restart.
    poller_->set_checkpoints(
        {[this](const std::string& uuid, const std::string& shard) {
             return lambda_->store().get_checkpoint(uuid, shard);
         },
         [this](const std::string& uuid, const std::string& shard, const std::string& sequence) {
             lambda_->store().put_checkpoint(uuid, shard, sequence);
         }});
    poller_->start();
    if (config_.sync_events) {
        // Records an external request added to a mapped queue or stream reach their functions
        // before that request answers (S3 notifications and rules already run in deliver()).
        dispatcher_->set_after_request([this] {
            if (poller_->take_signal()) {
                poller_->drain();
                lambda_->drain(std::chrono::seconds(60));
            }
        });
    }
    bus_->add_drain_hook([this] {
        poller_->drain();
        lambda_->drain(std::chrono::seconds(60));
    });
}

bool app::drain_events(std::chrono::milliseconds timeout) {
    scheduler_->run_due();
    bus_->drain();
    return lambda_->drain(timeout);
}

app::~app() {
    server_.reset();
    control_.reset();
    // No timer fires and no delivery runs while the services go away; running functions finish
    // before the services they call go.
    poller_->stop();
    scheduler_->stop();
    bus_->stop();
    lambda_->shutdown();
    dispatcher_.reset();
    registry_.reset(); // closes databases cleanly (WAL checkpoint)
    if (remove_state_root_) {
        std::error_code ec;
        fs::remove_all(state_root_, ec);
    }
}

std::uint16_t app::listen() {
    return server_->listen();
}
void app::run(bool handle_signals) {
    server_->run(config_.threads, handle_signals);
}
void app::stop() {
    server_->stop();
}

} // namespace cloudbox
