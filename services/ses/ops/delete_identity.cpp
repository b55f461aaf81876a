// DeleteIdentity: removes an identity; deleting an unknown one succeeds, as in SES.
#include "ses/ops/ops.hpp"

namespace cloudbox::services::ses::ops {

service::response delete_identity(ses_call& call) {
    std::string identity = call.input.required("Identity", "identity");
    call.ses.store().delete_identity(call.where(), identity);
    return query_response(call, [](protocol::xml_writer&) {});
}

} // namespace cloudbox::services::ses::ops
