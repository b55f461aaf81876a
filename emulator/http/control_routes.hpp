// The /_cloudbox/* control API (health, reset, clock, plus routes services add) and LocalStack's
// /_localstack/health and /_aws/* routes.
#pragma once

#include "core/config.hpp"
#include "service/dispatcher.hpp"

#include <chrono>
#include <optional>

namespace cloudbox::http {

class control_routes {
  public:
    control_routes(service::dispatcher& dispatcher, const core::config& config);

    // True when the path belongs to the control API (decided before anything else).
    static bool matches(std::string_view raw_path);
    service::response handle(service::request& req);

  private:
    service::response health(bool localstack_shape) const;
    service::response reset(const service::request& req);
    service::response clock(service::request& req);

    service::dispatcher& dispatcher_;
    const core::config& config_;
    std::chrono::steady_clock::time_point started_;
};

} // namespace cloudbox::http
