// Wires one cloudbox instance together: clock, services, dispatcher, control routes, server.
// Used by main and by tests that need a real server on port 0.
#pragma once

#include "core/clock.hpp"
#include "core/config.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace cloudbox {

namespace service {
class registry;
class dispatcher;
} // namespace service
namespace services::lambda {
class lambda_service;
}
namespace http {
class server;
class control_routes;
} // namespace http

class app {
  public:
    explicit app(core::config config);
    ~app();
    app(const app&) = delete;
    app& operator=(const app&) = delete;

    std::uint16_t listen();        // binds; returns the port
    void run(bool handle_signals); // serves until stop() or a signal
    void stop();                   // graceful

    core::clock& clock() { return clock_; }
    service::dispatcher& dispatcher() { return *dispatcher_; }
    const core::config& config() const { return config_; }
    // Waits until every pending asynchronous Lambda invocation is delivered (events/drain).
    bool drain_events(std::chrono::milliseconds timeout);

  private:
    core::config config_;
    core::clock clock_;
    std::filesystem::path state_root_; // data dir, or a private temp dir for --in-memory
    bool remove_state_root_ = false;
    std::unique_ptr<service::registry> registry_;
    std::unique_ptr<service::dispatcher> dispatcher_;
    services::lambda::lambda_service* lambda_ = nullptr; // owned by registry_
    std::unique_ptr<http::control_routes> control_;
    std::unique_ptr<http::server> server_;
};

} // namespace cloudbox
