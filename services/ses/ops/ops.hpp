// Every SES operation, one per file: v1 (query) takes ses_call, v2 (REST-JSON) sesv2_call.
#pragma once

#include "ses/ses_service.hpp"
#include "ses/sesv2_service.hpp"

namespace cloudbox::services::ses::ops {

// v1
service::response verify_email_identity(ses_call& call);
service::response verify_email_address(ses_call& call);
service::response verify_domain_identity(ses_call& call);
service::response list_identities(ses_call& call);
service::response get_identity_verification_attributes(ses_call& call);
service::response delete_identity(ses_call& call);
service::response send_email(ses_call& call);
service::response send_raw_email(ses_call& call);
service::response send_templated_email(ses_call& call);
service::response create_template(ses_call& call);
service::response get_template(ses_call& call);
service::response update_template(ses_call& call);
service::response delete_template(ses_call& call);
service::response list_templates(ses_call& call);
service::response get_send_quota(ses_call& call);
service::response get_send_statistics(ses_call& call);
// Template.* of CreateTemplate/UpdateTemplate, checked (create_template.cpp).
template_record read_template_input(ses_call& call);

// v2
service::response v2_send_email(sesv2_call& call);
service::response v2_create_email_identity(sesv2_call& call);
service::response v2_get_email_identity(sesv2_call& call);
service::response v2_delete_email_identity(sesv2_call& call);
service::response v2_list_email_identities(sesv2_call& call);
service::response v2_create_email_template(sesv2_call& call);
service::response v2_get_email_template(sesv2_call& call);
service::response v2_update_email_template(sesv2_call& call);
service::response v2_delete_email_template(sesv2_call& call);
service::response v2_list_email_templates(sesv2_call& call);
service::response v2_get_account(sesv2_call& call);
// TemplateContent of Create/UpdateEmailTemplate, checked (v2_create_email_template.cpp).
template_record v2_read_template(sesv2_call& call, const std::string& name);

} // namespace cloudbox::services::ses::ops
