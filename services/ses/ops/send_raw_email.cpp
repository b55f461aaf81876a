// SendRawEmail: a complete MIME message (base64 on the wire), stored exactly as sent. Source
// and Destinations default to the From and To/Cc/Bcc headers.
#include "core/encoding.hpp"
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_sending.hpp"

namespace cloudbox::services::ses::ops {

service::response send_raw_email(ses_call& call) {
    const auto& in = call.input;
    if (!in.has_prefix("RawMessage")) {
        throw errors::missing_member("rawMessage");
    }
    std::string data = in.required("RawMessage.Data", "rawMessage.data");
    auto raw = core::base64_decode(data);
    if (!raw) {
        throw errors::invalid_parameter("Invalid base64 in RawMessage.Data.");
    }
    if (raw->empty()) {
        throw errors::message_rejected("Email body is empty.");
    }
    outgoing_message m;
    m.operation = "SendRawEmail";
    m.source = in.get("Source").value_or("");
    m.to = in.list("Destinations");
    bool destinations_given = !m.to.empty();
    m.raw = std::move(*raw);
    fill_from_raw_headers(m, destinations_given);
    check_message_tags(in);
    std::string id = send_message(call.ses, call.req, std::move(m), api_version::v1);
    return query_response(call, [&](protocol::xml_writer& w) { w.element("MessageId", id); });
}

} // namespace cloudbox::services::ses::ops
