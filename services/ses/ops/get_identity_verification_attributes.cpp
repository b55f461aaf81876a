// GetIdentityVerificationAttributes: status (and domain token) of each known identity asked
// for; unknown identities are left out of the map, as SES does.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses::ops {

service::response get_identity_verification_attributes(ses_call& call) {
    auto identities = call.input.list("Identities");
    if (identities.empty() && !call.input.get("Identities")) {
        throw errors::missing_member("identities");
    }
    if (identities.size() > 100) {
        throw errors::validation("1 validation error detected: Value at 'identities' failed to "
                                 "satisfy constraint: Member must have length less than or "
                                 "equal to 100");
    }
    std::vector<identity_record> found;
    for (const auto& name : identities) {
        if (auto r = call.ses.store().get_identity(call.where(), name)) {
            found.push_back(*r);
        }
    }
    return query_response(call, [&](protocol::xml_writer& w) {
        w.open("VerificationAttributes");
        for (const auto& r : found) {
            w.open("entry").element("key", r.name).open("value");
            w.element("VerificationStatus", "Success");
            if (r.type == "Domain") {
                w.element("VerificationToken", r.token);
            }
            w.close().close();
        }
        w.close();
    });
}

} // namespace cloudbox::services::ses::ops
