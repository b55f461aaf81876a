// The send path both APIs share.
#include "ses/ses_sending.hpp"

#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "ses/ses_errors.hpp"
#include "ses/ses_mime.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace cloudbox::services::ses {

namespace {

constexpr int max_recipients = 50;
constexpr std::int64_t stats_bucket_ms = 15 * 60 * 1000;

core::aws_error invalid(api_version api, std::string message) {
    return api == api_version::v1 ? errors::invalid_parameter(std::move(message))
                                  : errors::bad_request(std::move(message));
}

void check_addresses(const std::vector<std::string>& list, api_version api) {
    for (const auto& a : list) {
        std::string error;
        if (!parse_address(a, error)) {
            throw invalid(api, error);
        }
    }
}

// Verified when the address or its domain is a verified identity; the mailbox simulator's
// addresses need no verification, as in the AWS sandbox.
bool verified(ses_store& store, const scope& s, const std::string& address) {
    std::string bare = bare_address(address);
    if (bare.ends_with("@simulator.amazonses.com") || store.get_identity(s, bare)) {
        return true;
    }
    auto at = bare.rfind('@');
    return at != std::string::npos && store.get_identity(s, bare.substr(at + 1)).has_value();
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

// SES message ids: 16 hex digits of time, a UUID, and a 6-digit sequence.
std::string new_message_id(std::int64_t now_ms) {
    char prefix[17];
    std::snprintf(prefix, sizeof prefix, "%016llx", static_cast<unsigned long long>(now_ms));
    return std::string(prefix) + "-" + core::new_uuid() + "-000000";
}

} // namespace

void fill_from_raw_headers(outgoing_message& message, bool destinations_given) {
    raw_headers headers = parse_raw_headers(*message.raw);
    if (message.source.empty()) {
        message.source = headers.get("from").value_or("");
    }
    if (!destinations_given) {
        message.to = headers.addresses("to");
        message.cc = headers.addresses("cc");
        message.bcc = headers.addresses("bcc");
    }
    message.reply_to = headers.addresses("reply-to");
    message.subject = decode_header_text(headers.get("subject").value_or(""));
}

std::string send_message(ses_backend& ses, const service::request& req, outgoing_message message,
                         api_version api) {
    if (message.source.empty()) {
        throw invalid(api, "Missing required header 'From'.");
    }
    check_addresses({message.source}, api);
    check_addresses(message.to, api);
    check_addresses(message.cc, api);
    check_addresses(message.bcc, api);
    check_addresses(message.reply_to, api);
    std::size_t recipients = message.to.size() + message.cc.size() + message.bcc.size();
    if (recipients == 0) {
        throw invalid(api, "Missing required header 'To'.");
    }
    if (recipients > max_recipients) {
        throw invalid(api, "Recipient count exceeds 50.");
    }

    scope s = scope_of(req);
    if (ses.options().sandbox) {
        std::vector<std::string> failed;
        std::set<std::string> seen;
        auto check = [&](const std::string& address) {
            if (!verified(ses.store(), s, address) && seen.insert(bare_address(address)).second) {
                failed.push_back(address);
            }
        };
        check(message.source);
        for (const auto* list : {&message.to, &message.cc, &message.bcc}) {
            std::for_each(list->begin(), list->end(), check);
        }
        if (!failed.empty()) {
            std::string names;
            for (const auto& f : failed) {
                names += (names.empty() ? "" : ", ") + f;
            }
            std::string text = "Email address is not verified. The following identities failed "
                               "the check in region " +
                               upper(s.region) + ": " + names;
            throw api == api_version::v1 ? errors::message_rejected(text)
                                         : errors::v2_message_rejected(text);
        }
    }

    auto now = ses.clock().now();
    std::int64_t now_ms = core::to_millis(now);
    message_record record;
    record.id = new_message_id(now_ms);
    record.account = s.account;
    record.region = s.region;
    record.api = api == api_version::v1 ? "ses" : "sesv2";
    record.operation = message.operation;
    record.source = message.source;
    record.to = message.to;
    record.cc = message.cc;
    record.bcc = message.bcc;
    record.reply_to = message.reply_to;
    record.subject = message.subject;
    record.text = message.text;
    record.html = message.html;
    record.raw = message.raw.has_value();
    record.template_name = message.template_name;
    record.template_data = message.template_data;
    record.timestamp_ms = now_ms;
    record.eml_file = record.id + ".eml";

    std::string eml;
    if (message.raw) {
        eml = std::move(*message.raw);
    } else {
        formatted_message f{record.id,       now,
                            message.source,  message.to,
                            message.cc,      message.reply_to,
                            message.subject, message.text,
                            message.html,    "=_cloudbox_" + core::random_hex(12)};
        eml = build_eml(f);
    }
    std::size_t limit = api == api_version::v1 ? max_message_bytes_v1 : max_message_bytes_v2;
    if (eml.size() > limit) {
        throw errors::message_rejected("Message length is more than " + std::to_string(limit) +
                                       " bytes long: '" + std::to_string(eml.size()) + "'.");
    }
    record.size = static_cast<std::int64_t>(eml.size());
    // The file first: a crash between the two leaves an orphan file, never a row without it.
    ses.write_eml(record.eml_file, eml);
    ses.store().add_message(record, static_cast<int>(recipients),
                            now_ms - now_ms % stats_bucket_ms);
    return record.id;
}

namespace {

// One tag's name or value, with SES's texts (the doubled space before '-' included).
void check_tag_part(const std::string& text, const std::string& what, std::string_view extra,
                    const std::string& allowed_list) {
    if (text.empty()) {
        throw errors::invalid_parameter("The tag " + what + " must be specified.");
    }
    if (text.size() > 255) {
        std::string label = what == "name" ? "Tag name" : "Tag value";
        throw errors::invalid_parameter(label + " cannot exceed 255 characters.");
    }
    bool allowed = std::all_of(text.begin(), text.end(), [&](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
               extra.find(c) != std::string_view::npos;
    });
    if (!allowed) {
        throw errors::invalid_parameter("Invalid tag " + what + " <" + text +
                                        ">: only alphanumeric ASCII characters, " + allowed_list +
                                        " are allowed.");
    }
}

} // namespace

void check_message_tags(const query_input& input) {
    for (int i = 1;; ++i) {
        std::string prefix = "Tags.member." + std::to_string(i);
        if (!input.has_prefix(prefix)) {
            return;
        }
        check_tag_part(input.get(prefix + ".Name").value_or(""), "name", "", "'_',  '-'");
        check_tag_part(input.get(prefix + ".Value").value_or(""), "value", ".@",
                       "'_',  '-' , '.', '@'");
    }
}

} // namespace cloudbox::services::ses
