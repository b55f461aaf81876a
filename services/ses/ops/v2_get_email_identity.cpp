// SES v2 GetEmailIdentity: the identity's type, status and DKIM attributes.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_get_email_identity(sesv2_call& call) {
    auto r = call.ses.store().get_identity(call.where(), call.path_param);
    if (!r) {
        throw errors::not_found("Email identity " + call.path_param + " does not exist.");
    }
    return json_response(
        nlohmann::json{{"IdentityType", v2_identity_type(*r)},
                       {"FeedbackForwardingStatus", true},
                       {"VerifiedForSendingStatus", true},
                       {"DkimAttributes", v2_dkim_attributes(*r)},
                       {"MailFromAttributes", {{"BehaviorOnMxFailure", "USE_DEFAULT_VALUE"}}},
                       {"Policies", nlohmann::json::object()},
                       {"Tags", nlohmann::json::array()},
                       {"VerificationStatus", "SUCCESS"}});
}

} // namespace cloudbox::services::ses::ops
