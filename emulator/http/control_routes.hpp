// The /_cloudbox/* control API (health, reset, clock, plus routes services add) and LocalStack's
// /_localstack/health and /_aws/* routes.
#pragma once

#include "core/config.hpp"
#include "events/event_bus.hpp"
#include "events/scheduler.hpp"
#include "service/dispatcher.hpp"

#include <chrono>
#include <optional>

namespace cloudbox::http {

class control_routes {
  public:
    control_routes(service::dispatcher& dispatcher, const core::config& config,
                   events::event_bus& bus, events::scheduler& scheduler);

    // True when the path belongs to the control API (decided before anything else).
    static bool matches(std::string_view raw_path);
    service::response handle(service::request& req);

  private:
    service::response health(bool localstack_shape) const;
    service::response reset(const service::request& req);
    service::response clock(service::request& req);
    service::response drain_events();

    service::dispatcher& dispatcher_;
    const core::config& config_;
    events::event_bus& bus_;
    events::scheduler& scheduler_;
    std::chrono::steady_clock::time_point started_;
};

} // namespace cloudbox::http
