// Rules both SES APIs apply.
#include "ses/ses_shared.hpp"

#include "core/encoding.hpp"
#include "core/ids.hpp"
#include "ses/ses_mime.hpp"
#include "ses/ses_template.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace cloudbox::services::ses {

std::string identity_type_of(const std::string& identity) {
    return identity.find('@') != std::string::npos ? "EmailAddress" : "Domain";
}

std::optional<std::string> identity_error(const std::string& identity) {
    if (identity.find('@') != std::string::npos) {
        std::string error;
        if (!parse_address(identity, error)) {
            return "Invalid email address " + identity + ".";
        }
        return std::nullopt;
    }
    bool ok = !identity.empty() && identity.size() <= 253 && identity.front() != '.' &&
              identity.back() != '.' && identity.find("..") == std::string::npos;
    for (unsigned char c : identity) {
        ok = ok && (std::isalnum(c) || c == '.' || c == '-' || c >= 0x80);
    }
    if (!ok) {
        return "Invalid domain name " + identity + ".";
    }
    return std::nullopt;
}

std::string new_verification_token() {
    std::string bytes;
    std::string hex = core::random_hex(32);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
    return core::base64_encode(bytes).substr(0, 43) + "=";
}

identity_record new_identity(const std::string& name, std::int64_t now_ms) {
    identity_record r;
    r.name = name;
    r.type = identity_type_of(name);
    r.token = r.type == "Domain" ? new_verification_token() : std::string();
    r.created_ms = now_ms;
    return r;
}

bool valid_template_name(const std::string& name) {
    if (name.empty() || name.size() > 64) {
        return false;
    }
    for (unsigned char c : name) {
        if (!(std::isalnum(c) || c == '_' || c == '-')) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> template_parts_error(const template_record& t) {
    for (const auto* part : {&t.subject, &t.text, &t.html}) {
        if (*part) {
            if (auto e = template_syntax_error(**part)) {
                return e;
            }
        }
    }
    return std::nullopt;
}

void apply_template(outgoing_message& message, const template_record& t,
                    const nlohmann::json& data) {
    message.subject = render_template(t.subject.value_or(""), data, false);
    if (t.text) {
        message.text = render_template(*t.text, data, false);
    }
    if (t.html) {
        message.html = render_template(*t.html, data, true);
    }
    message.template_name = t.name;
}

std::string make_page_token(const std::string& last_name) {
    return core::base64_encode(last_name);
}

std::optional<std::string> read_page_token(const std::string& token) {
    return core::base64_decode(token);
}

send_quota quota_of(ses_backend& ses, const scope& s) {
    std::int64_t now = ses.clock().now_millis();
    double sent = 0;
    for (const auto& [bucket, attempts] : ses.store().send_stats(s, now - 24LL * 3600 * 1000)) {
        sent += static_cast<double>(attempts);
    }
    bool sandbox = ses.options().sandbox;
    return {sandbox ? 200.0 : 50000.0, sandbox ? 1.0 : 14.0, sent};
}

} // namespace cloudbox::services::ses

#include "core/hash.hpp"
#include "ses/ses_errors.hpp"

namespace cloudbox::services::ses {

nlohmann::json v2_identity_type(const identity_record& r) {
    return r.type == "Domain" ? "DOMAIN" : "EMAIL_ADDRESS";
}

nlohmann::json v2_dkim_attributes(const identity_record& r) {
    if (r.type != "Domain") {
        return {{"SigningEnabled", false},
                {"Status", "NOT_STARTED"},
                {"SigningAttributesOrigin", "AWS_SES"},
                {"NextSigningKeyLength", "RSA_2048_BIT"}};
    }
    // Three stable DKIM tokens derived from the domain's verification token.
    nlohmann::json tokens = nlohmann::json::array();
    for (int i = 0; i < 3; ++i) {
        tokens.push_back(
            core::to_hex(core::digest(core::digest_kind::md5, r.token + std::to_string(i))));
    }
    return {{"SigningEnabled", true},
            {"Status", "SUCCESS"},
            {"Tokens", tokens},
            {"SigningAttributesOrigin", "AWS_SES"},
            {"NextSigningKeyLength", "RSA_2048_BIT"},
            {"CurrentSigningKeyLength", "RSA_2048_BIT"}};
}

template_record v2_template_content(const nlohmann::json& content, const std::string& name) {
    template_record t;
    t.name = name;
    auto str = [&](const char* key) -> std::optional<std::string> {
        auto it = content.find(key);
        if (it == content.end() || it->is_null()) {
            return std::nullopt;
        }
        if (!it->is_string()) {
            throw errors::bad_request("1 validation error detected: Value at 'templateContent." +
                                      core::to_lower(key) +
                                      "' failed to satisfy constraint: Member must be a string");
        }
        return it->get<std::string>();
    };
    t.subject = str("Subject");
    t.text = str("Text");
    t.html = str("Html");
    return t;
}

} // namespace cloudbox::services::ses
