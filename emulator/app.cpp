// Wires one cloudbox instance together. The list of services is written out here, explicitly.
#include "app.hpp"

#include "core/ids.hpp"
#include "core/logging.hpp"
#include "http/control_routes.hpp"
#include "http/server.hpp"
#include "lambda/handler.hpp"
#include "lambda/lambda_service.hpp"
#include "logs/logs_service.hpp"
#include "s3/s3_service.hpp"
#include "service/dispatcher.hpp"
#include "service/registry.hpp"

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

    registry_ = std::make_unique<service::registry>();
    services::s3::s3_options s3_opts{state_root_ / "s3", config_.in_memory, config_.region};
    registry_->add(std::make_unique<services::s3::s3_service>(s3_opts, clock_));
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
    control_ = std::make_unique<http::control_routes>(*dispatcher_, config_);
    server_ = std::make_unique<http::server>(config_, *dispatcher_, *control_);
}

app::~app() {
    server_.reset();
    if (lambda_ != nullptr) {
        lambda_->shutdown(); // running functions finish before the services they call go
    }
    control_.reset();
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
bool app::drain_events(std::chrono::milliseconds timeout) {
    return lambda_ == nullptr || lambda_->drain(timeout);
}

void app::stop() {
    server_->stop();
}

} // namespace cloudbox
