// SES v2 GetEmailTemplate: name and content.
#include "ses/ops/ops.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses::ops {

service::response v2_get_email_template(sesv2_call& call) {
    auto t = call.ses.store().get_template(call.where(), call.path_param);
    if (!t) {
        throw errors::not_found("Template " + call.path_param + " does not exist.");
    }
    nlohmann::json content = nlohmann::json::object();
    if (t->subject) {
        content["Subject"] = *t->subject;
    }
    if (t->text) {
        content["Text"] = *t->text;
    }
    if (t->html) {
        content["Html"] = *t->html;
    }
    return json_response(nlohmann::json{{"TemplateName", t->name}, {"TemplateContent", content}});
}

} // namespace cloudbox::services::ses::ops
