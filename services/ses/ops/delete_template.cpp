// DeleteTemplate: removes a template; an unknown name succeeds, as in SES v1.
#include "ses/ops/ops.hpp"

namespace cloudbox::services::ses::ops {

service::response delete_template(ses_call& call) {
    std::string name = call.input.required("TemplateName", "templateName");
    call.ses.store().delete_template(call.where(), name);
    return query_response(call, [](protocol::xml_writer&) {});
}

} // namespace cloudbox::services::ses::ops
