// SendEmail: a formatted message (subject, text and/or HTML body) to the mailbox.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_sending.hpp"

namespace cloudbox::services::ses::ops {

service::response send_email(ses_call& call) {
    const auto& in = call.input;
    outgoing_message m;
    m.operation = "SendEmail";
    m.source = in.required("Source", "source");
    if (!in.has_prefix("Destination") && !in.get("Destination")) {
        throw errors::missing_member("destination");
    }
    if (!in.has_prefix("Message")) {
        throw errors::missing_member("message");
    }
    if (!in.has_prefix("Message.Subject")) {
        throw errors::missing_member("message.subject");
    }
    m.subject = in.required("Message.Subject.Data", "message.subject.data");
    if (!in.has_prefix("Message.Body")) {
        throw errors::missing_member("message.body");
    }
    if (in.has_prefix("Message.Body.Text")) {
        m.text = in.required("Message.Body.Text.Data", "message.body.text.data");
    }
    if (in.has_prefix("Message.Body.Html")) {
        m.html = in.required("Message.Body.Html.Data", "message.body.html.data");
    }
    m.to = in.list("Destination.ToAddresses");
    m.cc = in.list("Destination.CcAddresses");
    m.bcc = in.list("Destination.BccAddresses");
    m.reply_to = in.list("ReplyToAddresses");
    check_message_tags(in);
    std::string id = send_message(call.ses, call.req, std::move(m), api_version::v1);
    return query_response(call, [&](protocol::xml_writer& w) { w.element("MessageId", id); });
}

} // namespace cloudbox::services::ses::ops
