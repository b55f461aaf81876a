// The send path both APIs share: address checks, the sandbox rule, the .eml, the mailbox row.
#pragma once

#include "service/request.hpp"
#include "ses/ses_backend.hpp"
#include "ses/ses_params.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cloudbox::services::ses {

enum class api_version { v1, v2 };

struct outgoing_message {
    std::string operation; // SendEmail, SendRawEmail, SendTemplatedEmail
    std::string source;
    std::vector<std::string> to, cc, bcc, reply_to;
    std::string subject;
    std::optional<std::string> text, html;
    std::optional<std::string> raw; // the raw message, stored exactly as sent
    std::optional<std::string> template_name, template_data;
};

// Largest message SES accepts: 10 MB on v1, 40 MB on v2.
constexpr std::size_t max_message_bytes_v1 = 10 * 1024 * 1024;
constexpr std::size_t max_message_bytes_v2 = 40 * 1024 * 1024;

// Validates, applies the sandbox rule, stores the message and its .eml; returns the message id.
// Throws the API's errors (InvalidParameterValue/BadRequestException, MessageRejected).
std::string send_message(ses_backend& ses, const service::request& req, outgoing_message message,
                         api_version api);

// SendEmail's Tags (Tags.member.N.Name / .Value): InvalidParameterValue with SES's texts for
// a missing, long or ill-formed name or value; names are checked before values.
void check_message_tags(const query_input& input);

// Fills source/to/cc/bcc/subject of a raw message from its headers where not given.
void fill_from_raw_headers(outgoing_message& message, bool destinations_given);

} // namespace cloudbox::services::ses
