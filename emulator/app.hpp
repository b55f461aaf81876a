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
namespace events {
class event_bus;
class scheduler;
} // namespace events
namespace services::lambda {
class lambda_service;
}
namespace services::lambda_sources {
class event_source_poller;
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
    events::event_bus& event_bus() { return *bus_; }
    events::scheduler& scheduler() { return *scheduler_; }
    const core::config& config() const { return config_; }
    // Waits until every pending event is delivered: the bus, the event-source pollers and
    // Lambda's asynchronous invocations (what POST /_cloudbox/events/drain does, plus a bound).
    bool drain_events(std::chrono::milliseconds timeout);

  private:
    void wire_events();

    core::config config_;
    core::clock clock_;
    std::filesystem::path state_root_; // data dir, or a private temp dir for --in-memory
    bool remove_state_root_ = false;
    // Declared before the services: destroyed after them, so a service may post to the bus or
    // arm timers until its destructor runs.
    std::unique_ptr<events::event_bus> bus_;
    std::unique_ptr<events::scheduler> scheduler_;
    std::unique_ptr<service::registry> registry_;
    std::unique_ptr<service::dispatcher> dispatcher_;
    services::lambda::lambda_service* lambda_ = nullptr; // owned by registry_
    std::unique_ptr<services::lambda_sources::event_source_poller> poller_;
    std::unique_ptr<http::control_routes> control_;
    std::unique_ptr<http::server> server_;
};

} // namespace cloudbox
