// What every AWS service implements. The dispatcher calls it; a service never sees sockets.
#pragma once

#include "core/aws_error.hpp"
#include "service/request.hpp"
#include "service/response.hpp"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

namespace cloudbox::service {

class aws_service {
  public:
    virtual ~aws_service() = default;

    // The resolver's name for this service ("s3", "dynamodb", ...).
    virtual std::string_view name() const = 0;

    // Called once the head is known, before the body is read: buffer it (with a limit) or stream
    // it into a sink. May throw core::aws_error to refuse the request before reading its body.
    virtual body_plan plan_body(request& req) = 0;

    // Runs the operation. Throws core::aws_error for AWS errors.
    virtual response handle(request& req) = 0;

    // Renders an AWS error in this service's protocol.
    virtual response render_error(const core::aws_error& error, const request& req) const = 0;

    // Drops all state (control API reset).
    virtual void reset() = 0;

    // This service's own control routes (e.g. /_cloudbox/ses/messages, LocalStack's /_aws/ses).
    // The control API offers every path it does not serve itself to each service in turn;
    // nullopt means "not mine".
    virtual std::optional<response> control(request& req) {
        (void)req;
        return std::nullopt;
    }
};

} // namespace cloudbox::service
