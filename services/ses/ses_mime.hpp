// RFC 5322 / MIME for the mailbox: address parsing as SES validates it, RFC 2047 encoded words,
// the .eml of a formatted message, and the headers of a raw one.
#pragma once

#include "core/time_format.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::ses {

struct mail_address {
    std::string display; // may be empty
    std::string address; // local@domain
};

// Parses "a@b.c" or "Name <a@b.c>" (the display name may be an RFC 2047 encoded word). On
// failure returns nullopt and sets `error` to SES's message ("Missing final '@domain'", ...).
std::optional<mail_address> parse_address(std::string_view text, std::string& error);

// The bare address in lower case, for comparisons (sandbox checks, mailbox filters); the input
// itself when it does not parse.
std::string bare_address(std::string_view text);

// Splits an address-list header value on commas outside quotes, comments and angle brackets.
std::vector<std::string> split_address_list(std::string_view value);

// RFC 2047: text as is when ASCII, else =?UTF-8?B?...?= words (whole UTF-8 characters each).
std::string encode_header_text(std::string_view text);
// An address for a header: a non-ASCII display name becomes an encoded word.
std::string encode_address(std::string_view address);
// Decodes =?charset?B|Q?...?= words (UTF-8 and ASCII charsets; others are kept as bytes).
std::string decode_header_text(std::string_view text);

// "Sat, 21 Nov 2026 11:19:20 +0000"
std::string format_rfc5322_date(core::sys_time t);

struct formatted_message {
    std::string message_id; // without angle brackets
    core::sys_time date;
    std::string from;
    std::vector<std::string> to, cc, reply_to;
    std::string subject;
    std::optional<std::string> text, html;
    std::string boundary; // for multipart/alternative
};

// The .eml: headers, then one text/plain or text/html part, or multipart/alternative of both.
std::string build_eml(const formatted_message& m);

// Header fields of a raw message (unfolded, first occurrence, raw values); nullopt when absent.
struct raw_headers {
    std::vector<std::pair<std::string, std::string>> fields; // name lower-cased
    std::optional<std::string> get(std::string_view name) const;
    std::vector<std::string> addresses(std::string_view name) const; // all occurrences split
};
raw_headers parse_raw_headers(std::string_view raw);

} // namespace cloudbox::services::ses
