// GetTemplate: the stored template's parts.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses::ops {

service::response get_template(ses_call& call) {
    std::string name = call.input.required("TemplateName", "templateName");
    auto t = call.ses.store().get_template(call.where(), name);
    if (!t) {
        throw errors::template_does_not_exist(name);
    }
    return query_response(call, [&](protocol::xml_writer& w) {
        w.open("Template").element("TemplateName", t->name);
        if (t->subject) {
            w.element("SubjectPart", *t->subject);
        }
        if (t->text) {
            w.element("TextPart", *t->text);
        }
        if (t->html) {
            w.element("HtmlPart", *t->html);
        }
        w.close();
    });
}

} // namespace cloudbox::services::ses::ops
