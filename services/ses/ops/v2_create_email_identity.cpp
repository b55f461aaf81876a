// SES v2 CreateEmailIdentity: an email address or domain, verified at once; AlreadyExists
// when it is known (also when created through v1).
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_create_email_identity(sesv2_call& call) {
    std::string name = json_required_string(call.body, "EmailIdentity", "emailIdentity");
    if (auto error = identity_error(name)) {
        throw errors::bad_request(*error);
    }
    if (auto tags = call.body.find("Tags"); tags != call.body.end() && !tags->is_array()) {
        throw errors::bad_request("1 validation error detected: Value at 'tags' failed to "
                                  "satisfy constraint: Member must be a list");
    }
    identity_record r = new_identity(name, call.ses.clock().now_millis());
    if (!call.ses.store().put_identity(call.where(), r)) {
        throw errors::already_exists("Email identity " + name + " already exist.");
    }
    return json_response(nlohmann::json{{"IdentityType", v2_identity_type(r)},
                                        {"VerifiedForSendingStatus", true},
                                        {"DkimAttributes", v2_dkim_attributes(r)}});
}

} // namespace cloudbox::services::ses::ops
