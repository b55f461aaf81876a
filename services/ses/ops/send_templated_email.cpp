// SendTemplatedEmail: renders a stored template with TemplateData ({{var}} substitution) and
// sends the result like SendEmail.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_sending.hpp"
#include "ses/ses_shared.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::ses::ops {

service::response send_templated_email(ses_call& call) {
    const auto& in = call.input;
    outgoing_message m;
    m.operation = "SendTemplatedEmail";
    m.source = in.required("Source", "source");
    if (!in.has_prefix("Destination") && !in.get("Destination")) {
        throw errors::missing_member("destination");
    }
    std::string name = in.required("Template", "template");
    std::string data_text = in.required("TemplateData", "templateData");
    if (data_text.size() > 262144) {
        throw errors::validation("1 validation error detected: Value at 'templateData' failed to "
                                 "satisfy constraint: Member must have length less than or "
                                 "equal to 262144");
    }
    auto data = nlohmann::json::parse(data_text, nullptr, false);
    if (data.is_discarded() || !data.is_object()) {
        throw errors::invalid_parameter("Template data must be a valid JSON object.");
    }
    auto t = call.ses.store().get_template(call.where(), name);
    if (!t) {
        throw errors::template_does_not_exist(name);
    }
    m.to = in.list("Destination.ToAddresses");
    m.cc = in.list("Destination.CcAddresses");
    m.bcc = in.list("Destination.BccAddresses");
    m.reply_to = in.list("ReplyToAddresses");
    apply_template(m, *t, data);
    m.template_data = data_text;
    check_message_tags(in);
    std::string id = send_message(call.ses, call.req, std::move(m), api_version::v1);
    return query_response(call, [&](protocol::xml_writer& w) { w.element("MessageId", id); });
}

} // namespace cloudbox::services::ses::ops
