// SES v2 UpdateEmailTemplate: replaces an existing template's content.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_update_email_template(sesv2_call& call) {
    template_record t = v2_read_template(call, call.path_param);
    if (!call.ses.store().update_template(call.where(), t)) {
        throw errors::not_found("Template " + call.path_param + " does not exist.");
    }
    return json_response(nlohmann::json::object());
}

} // namespace cloudbox::services::ses::ops
