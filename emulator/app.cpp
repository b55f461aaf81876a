// Wires one cloudbox instance together. The list of services is written out here, explicitly.
#include "app.hpp"

#include "core/ids.hpp"
#include "core/logging.hpp"
#include "dynamodb/dynamodb_service.hpp"
#include "http/control_routes.hpp"
#include "http/server.hpp"
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
    auto [dynamodb, dynamodb_streams] = services::dynamodb::make_dynamodb_services(
        {state_root_ / "dynamodb", config_.in_memory, config_.region}, clock_);
    registry_->add(std::move(dynamodb));
    registry_->add(std::move(dynamodb_streams));

    dispatcher_ = std::make_unique<service::dispatcher>(*registry_, clock_, config_);
    control_ = std::make_unique<http::control_routes>(*dispatcher_, config_);
    server_ = std::make_unique<http::server>(config_, *dispatcher_, *control_);
}

app::~app() {
    server_.reset();
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
void app::stop() {
    server_->stop();
}

} // namespace cloudbox
