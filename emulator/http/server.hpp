// The HTTP/1.1 server on one port: accepts connections and runs a session coroutine for each.
// Beast and Asio stay behind this header; nothing above the transport includes them.
#pragma once

#include "core/clock.hpp"
#include "core/config.hpp"
#include "service/dispatcher.hpp"

#include <cstdint>
#include <functional>
#include <memory>

namespace cloudbox::http {

class control_routes;

class server {
  public:
    // `clock` dates the responses (the Date header), so a frozen test clock shows there too.
    server(const core::config& config, service::dispatcher& dispatcher, control_routes& control,
           const core::clock& clock);
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    // Binds and listens; returns the port actually bound (for --port 0).
    std::uint16_t listen();
    // Serves on `threads` threads until stop(); handles SIGINT/SIGTERM when handle_signals.
    void run(unsigned threads, bool handle_signals);
    // Graceful stop: no new connections, in-flight requests finish, then run() returns.
    void stop();

  private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace cloudbox::http
