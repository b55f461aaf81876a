// One path for every request, external or in-process: credentials -> service -> operation ->
// response, with AWS errors caught once and rendered by the service's protocol.
#pragma once

#include "core/clock.hpp"
#include "core/config.hpp"
#include "service/registry.hpp"

#include <functional>

namespace cloudbox::service {

class dispatcher {
  public:
    dispatcher(registry& services, core::clock& clock, const core::config& config)
        : services_(services), clock_(clock), config_(config) {}

    // Fills req.ctx (request id, account, region, service) and finds the service. Returns null
    // when the resolved service is not served; call unknown_service() then.
    aws_service* route(request& req);

    // Checks that need only the head (presigned expiry), then asks the service for its body
    // plan. Throws core::aws_error.
    body_plan prepare(aws_service& svc, request& req);

    // Runs the operation; never throws. The response may be deferred (response::pending): the
    // HTTP server awaits it asynchronously.
    response invoke(aws_service& svc, request& req);

    // invoke() for in-process callers that may block: waits for a deferred response.
    response invoke_blocking(aws_service& svc, request& req);

    // The error for a request no served service understands, in the protocol it was sent in.
    response unknown_service(const request& req) const;

    // Renders an error for this request in svc's protocol (or a generic one when svc is null).
    response render_error(aws_service* svc, const core::aws_error& error, const request& req) const;

    // Runs once an external request's response is ready, before it is written: with
    // --sync-events, deliveries that request caused finish first. In-process calls (functions
    // calling AWS) never run it, so a delivery that sends more events cannot wait on itself.
    void set_after_request(std::function<void()> hook) { after_request_ = std::move(hook); }
    void after_request() const {
        if (after_request_) {
            after_request_();
        }
    }

    core::clock& clock() { return clock_; }
    registry& services() { return services_; }

  private:
    registry& services_;
    core::clock& clock_;
    const core::config& config_;
    std::function<void()> after_request_;
};

} // namespace cloudbox::service
