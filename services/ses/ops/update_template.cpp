// UpdateTemplate: replaces the parts of an existing template.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses::ops {

service::response update_template(ses_call& call) {
    template_record t = read_template_input(call);
    if (!call.ses.store().update_template(call.where(), t)) {
        throw errors::template_does_not_exist(t.name);
    }
    return query_response(call, [](protocol::xml_writer&) {});
}

} // namespace cloudbox::services::ses::ops
