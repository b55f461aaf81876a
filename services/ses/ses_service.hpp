// SES v1 (query protocol, resolver name "ses"): Action dispatch, XML responses, query errors.
#pragma once

#include "protocol/xml.hpp"
#include "service/service.hpp"
#include "ses/ses_backend.hpp"
#include "ses/ses_params.hpp"

#include <functional>
#include <memory>

namespace cloudbox::services::ses {

// What every v1 operation reaches.
struct ses_call {
    ses_backend& ses;
    service::request& req;
    const query_input& input;
    scope where() const { return scope_of(req); }
};

using ses_operation = service::response (*)(ses_call&);

// <OpResponse xmlns><OpResult>...</OpResult><ResponseMetadata><RequestId/></ResponseMetadata>;
// a null `result` writes no Result element (operations without output).
service::response query_response(const ses_call& call,
                                 const std::function<void(protocol::xml_writer&)>& result);

class ses_service final : public service::aws_service {
  public:
    explicit ses_service(std::shared_ptr<ses_backend> backend) : backend_(std::move(backend)) {}

    std::string_view name() const override { return "ses"; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override { backend_->reset(); }
    std::optional<service::response> control(service::request& req) override {
        return backend_->control(req);
    }

  private:
    std::shared_ptr<ses_backend> backend_;
};

} // namespace cloudbox::services::ses
