// Rules both SES APIs apply: identity kinds and names, template names and syntax, rendering a
// stored template into a message, page tokens, and the account's quota.
#pragma once

#include "ses/ses_sending.hpp"
#include "ses/ses_store.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace cloudbox::services::ses {

// "EmailAddress" for anything with '@', else "Domain".
std::string identity_type_of(const std::string& identity);
// nullopt when valid; else why not (SES's wording).
std::optional<std::string> identity_error(const std::string& identity);
// A new verification token (44 base64 characters, like SES's).
std::string new_verification_token();
// A new identity record of the right type, created now.
identity_record new_identity(const std::string& name, std::int64_t now_ms);

// Up to 64 characters of letters, digits, '_' and '-'.
bool valid_template_name(const std::string& name);
// Throws `invalid` errors when a part has unbalanced tags.
std::optional<std::string> template_parts_error(const template_record& t);

// Renders the template's parts with the JSON data (already parsed as an object).
void apply_template(outgoing_message& message, const template_record& t,
                    const nlohmann::json& data);

// Page tokens: opaque base64 of the last name returned.
std::string make_page_token(const std::string& last_name);
std::optional<std::string> read_page_token(const std::string& token);

struct send_quota {
    double max_24_hour_send;
    double max_send_rate;
    double sent_last_24_hours;
};
send_quota quota_of(ses_backend& ses, const scope& s);

} // namespace cloudbox::services::ses

namespace cloudbox::services::ses {
// SES v2's view of an identity: IdentityType, DkimAttributes (as CreateEmailIdentity returns).
nlohmann::json v2_identity_type(const identity_record& r);
nlohmann::json v2_dkim_attributes(const identity_record& r);
// TemplateContent {Subject, Text, Html} of a v2 request into a record (BadRequestException).
template_record v2_template_content(const nlohmann::json& content, const std::string& name);
} // namespace cloudbox::services::ses
