// VerifyEmailAddress (deprecated form of VerifyEmailIdentity): no result element.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response verify_email_address(ses_call& call) {
    std::string address = call.input.required("EmailAddress", "emailAddress");
    if (address.find('@') == std::string::npos || identity_error(address)) {
        throw errors::invalid_parameter("Invalid email address " + address + ".");
    }
    call.ses.store().put_identity(call.where(),
                                  new_identity(address, call.ses.clock().now_millis()));
    return query_response(call, nullptr);
}

} // namespace cloudbox::services::ses::ops
