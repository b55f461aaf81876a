// SES v2 (REST-JSON under /v2/email/, resolver name "sesv2"): routing, JSON input checks,
// errors with X-Amzn-ErrorType.
#pragma once

#include "service/service.hpp"
#include "ses/ses_backend.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cloudbox::services::ses {

// What every v2 operation reaches.
struct sesv2_call {
    ses_backend& ses;
    service::request& req;
    nlohmann::json body;    // the request body (an object; {} when empty)
    std::string path_param; // {EmailIdentity} or {TemplateName}, decoded
    scope where() const { return scope_of(req); }
};

using sesv2_operation = service::response (*)(sesv2_call&);

service::response json_response(const nlohmann::json& body, int status = 200);

// Typed members of a JSON object; BadRequestException when present with the wrong type.
// `path` names the member in messages ("content.simple.subject.data").
std::optional<std::string> json_string(const nlohmann::json& object, const char* key,
                                       const std::string& path);
std::string json_required_string(const nlohmann::json& object, const char* key,
                                 const std::string& path);
const nlohmann::json* json_object(const nlohmann::json& object, const char* key,
                                  const std::string& path);
std::vector<std::string> json_string_list(const nlohmann::json& object, const char* key,
                                          const std::string& path);
// NextToken / PageSize of the List operations (PageSize within [1, max]).
int page_size(const service::request& req, int default_size, int max_size);

class sesv2_service final : public service::aws_service {
  public:
    explicit sesv2_service(std::shared_ptr<ses_backend> backend) : backend_(std::move(backend)) {}

    std::string_view name() const override { return "sesv2"; }
    service::body_plan plan_body(service::request& req) override;
    service::response handle(service::request& req) override;
    service::response render_error(const core::aws_error& error,
                                   const service::request& req) const override;
    void reset() override { backend_->reset(); }

  private:
    std::shared_ptr<ses_backend> backend_;
};

} // namespace cloudbox::services::ses
