// CreateTemplate: stores a template (name, subject, text and HTML parts) shared with v2.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_shared.hpp"

namespace cloudbox::services::ses::ops {

// Reads Template.* and checks it as CreateTemplate and UpdateTemplate do.
template_record read_template_input(ses_call& call) {
    const auto& in = call.input;
    if (!in.has_prefix("Template")) {
        throw errors::missing_member("template");
    }
    template_record t;
    t.name = in.required("Template.TemplateName", "template.templateName");
    if (!valid_template_name(t.name)) {
        throw errors::invalid_parameter("Template name must be at most 64 characters and may "
                                        "contain only letters, digits, '_' and '-'.");
    }
    t.subject = in.get("Template.SubjectPart");
    t.text = in.get("Template.TextPart");
    t.html = in.get("Template.HtmlPart");
    if (!t.subject || t.subject->empty()) {
        throw errors::invalid_parameter("The subject must be specified.");
    }
    if (auto e = template_parts_error(t)) {
        throw errors::invalid_template("Template " + t.name + " is invalid: " + *e);
    }
    t.created_ms = call.ses.clock().now_millis();
    return t;
}

service::response create_template(ses_call& call) {
    template_record t = read_template_input(call);
    if (!call.ses.store().create_template(call.where(), t)) {
        throw errors::template_already_exists(t.name);
    }
    return query_response(call, [](protocol::xml_writer&) {});
}

} // namespace cloudbox::services::ses::ops
