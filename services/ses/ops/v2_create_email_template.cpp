// SES v2 CreateEmailTemplate: TemplateName and TemplateContent {Subject, Text, Html}; the same
// templates as v1's.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

// TemplateContent of Create/UpdateEmailTemplate, checked.
template_record v2_read_template(sesv2_call& call, const std::string& name) {
    const auto* content = json_object(call.body, "TemplateContent", "templateContent");
    if (!content) {
        throw errors::bad_request("1 validation error detected: Value null at 'templateContent' "
                                  "failed to satisfy constraint: Member must not be null");
    }
    if (!valid_template_name(name)) {
        throw errors::bad_request("Template name must be at most 64 characters and may contain "
                                  "only letters, digits, '_' and '-'.");
    }
    template_record t = v2_template_content(*content, name);
    if (auto e = template_parts_error(t)) {
        throw errors::bad_request("Template " + name + " is invalid: " + *e);
    }
    t.created_ms = call.ses.clock().now_millis();
    return t;
}

service::response v2_create_email_template(sesv2_call& call) {
    std::string name = json_required_string(call.body, "TemplateName", "templateName");
    template_record t = v2_read_template(call, name);
    if (!call.ses.store().create_template(call.where(), t)) {
        throw errors::already_exists("Template " + name + " already exists.");
    }
    return json_response(nlohmann::json::object());
}

} // namespace cloudbox::services::ses::ops
