// SES v2 SendEmail: Content.Simple, Content.Raw (base64) or Content.Template (stored by name
// or ARN, or inline TemplateContent), to the mailbox.
#include "core/encoding.hpp"
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_sending.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

using nlohmann::json;

namespace {

void read_simple(const json& simple, outgoing_message& m) {
    const json* subject = json_object(simple, "Subject", "content.simple.subject");
    if (!subject) {
        throw errors::bad_request("1 validation error detected: Value null at "
                                  "'content.simple.subject' failed to satisfy constraint: Member "
                                  "must not be null");
    }
    m.subject = json_required_string(*subject, "Data", "content.simple.subject.data");
    const json* body = json_object(simple, "Body", "content.simple.body");
    if (!body) {
        throw errors::bad_request("1 validation error detected: Value null at "
                                  "'content.simple.body' failed to satisfy constraint: Member "
                                  "must not be null");
    }
    if (const json* text = json_object(*body, "Text", "content.simple.body.text")) {
        m.text = json_required_string(*text, "Data", "content.simple.body.text.data");
    }
    if (const json* html = json_object(*body, "Html", "content.simple.body.html")) {
        m.html = json_required_string(*html, "Data", "content.simple.body.html.data");
    }
}

void read_template(sesv2_call& call, const json& tmpl, outgoing_message& m) {
    auto name = json_string(tmpl, "TemplateName", "content.template.templateName");
    auto arn = json_string(tmpl, "TemplateArn", "content.template.templateArn");
    if (!name && arn) {
        auto slash = arn->rfind('/');
        name = slash == std::string::npos ? *arn : arn->substr(slash + 1);
    }
    std::string data_text =
        json_string(tmpl, "TemplateData", "content.template.templateData").value_or("{}");
    auto data = json::parse(data_text, nullptr, false);
    if (data.is_discarded() || !data.is_object()) {
        throw errors::bad_request("Template data must be a valid JSON object.");
    }
    template_record t;
    if (const json* inline_content =
            json_object(tmpl, "TemplateContent", "content.template.templateContent")) {
        t = v2_template_content(*inline_content, name.value_or(""));
        if (auto e = template_parts_error(t)) {
            throw errors::bad_request("Template content is invalid: " + *e);
        }
    } else if (!name) {
        throw errors::bad_request("Template name or ARN must be specified.");
    } else {
        auto stored = call.ses.store().get_template(call.where(), *name);
        if (!stored) {
            throw errors::not_found("Template " + *name + " does not exist.");
        }
        t = *stored;
    }
    apply_template(m, t, data);
    if (t.name.empty()) {
        m.template_name.reset();
    }
    m.template_data = data_text;
}

} // namespace

service::response v2_send_email(sesv2_call& call) {
    const json* content = json_object(call.body, "Content", "content");
    if (!content) {
        throw errors::bad_request("1 validation error detected: Value null at 'content' failed "
                                  "to satisfy constraint: Member must not be null");
    }
    const json* simple = json_object(*content, "Simple", "content.simple");
    const json* raw = json_object(*content, "Raw", "content.raw");
    const json* tmpl = json_object(*content, "Template", "content.template");
    if ((simple != nullptr) + (raw != nullptr) + (tmpl != nullptr) != 1) {
        throw errors::bad_request("Exactly one of Simple, Raw or Template must be specified in "
                                  "Content.");
    }
    outgoing_message m;
    m.source = json_string(call.body, "FromEmailAddress", "fromEmailAddress").value_or("");
    const json* destination = json_object(call.body, "Destination", "destination");
    if (destination) {
        m.to = json_string_list(*destination, "ToAddresses", "destination.toAddresses");
        m.cc = json_string_list(*destination, "CcAddresses", "destination.ccAddresses");
        m.bcc = json_string_list(*destination, "BccAddresses", "destination.bccAddresses");
    }
    m.reply_to = json_string_list(call.body, "ReplyToAddresses", "replyToAddresses");
    if (raw) {
        m.operation = "SendRawEmail";
        auto decoded = core::base64_decode(json_required_string(*raw, "Data", "content.raw.data"));
        if (!decoded) {
            throw errors::bad_request("Invalid base64 in Content.Raw.Data.");
        }
        if (decoded->empty()) {
            throw errors::v2_message_rejected("Email body is empty.");
        }
        m.raw = std::move(*decoded);
        auto reply_to = m.reply_to;
        fill_from_raw_headers(m, destination != nullptr);
        if (!reply_to.empty()) {
            m.reply_to = reply_to;
        }
    } else {
        if (m.source.empty()) {
            throw errors::bad_request("Missing required field FromEmailAddress.");
        }
        if (simple) {
            m.operation = "SendEmail";
            read_simple(*simple, m);
        } else {
            m.operation = "SendTemplatedEmail";
            read_template(call, *tmpl, m);
        }
    }
    std::string id = send_message(call.ses, call.req, std::move(m), api_version::v2);
    return json_response(json{{"MessageId", id}});
}

} // namespace cloudbox::services::ses::ops
