// SES v2 DeleteEmailIdentity: NotFoundException for an unknown identity (unlike v1).
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_delete_email_identity(sesv2_call& call) {
    if (!call.ses.store().delete_identity(call.where(), call.path_param)) {
        throw errors::not_found("Email identity " + call.path_param + " does not exist.");
    }
    return json_response(nlohmann::json::object());
}

} // namespace cloudbox::services::ses::ops
