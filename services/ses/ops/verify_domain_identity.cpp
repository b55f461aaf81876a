// VerifyDomainIdentity: registers a domain (verified at once) and returns its token; asking
// again returns the same token.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

service::response verify_domain_identity(ses_call& call) {
    std::string domain = call.input.required("Domain", "domain");
    if (domain.find('@') != std::string::npos || identity_error(domain)) {
        throw errors::invalid_parameter("Invalid domain name " + domain + ".");
    }
    auto& store = call.ses.store();
    store.put_identity(call.where(), new_identity(domain, call.ses.clock().now_millis()));
    auto identity = store.get_identity(call.where(), domain);
    std::string token = identity ? identity->token : std::string();
    return query_response(call,
                          [&](protocol::xml_writer& w) { w.element("VerificationToken", token); });
}

} // namespace cloudbox::services::ses::ops
