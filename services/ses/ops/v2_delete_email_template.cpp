// SES v2 DeleteEmailTemplate: NotFoundException for an unknown template (unlike v1).
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_delete_email_template(sesv2_call& call) {
    if (!call.ses.store().delete_template(call.where(), call.path_param)) {
        throw errors::not_found("Template " + call.path_param + " does not exist.");
    }
    return json_response(nlohmann::json::object());
}

} // namespace cloudbox::services::ses::ops
