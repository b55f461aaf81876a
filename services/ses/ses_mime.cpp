// RFC 5322 / MIME for the mailbox. Bodies are 7bit when plain ASCII with short lines, else
// base64; headers with non-ASCII text use RFC 2047 B-encoded UTF-8 words.
#include "ses/ses_mime.hpp"

#include "core/encoding.hpp"

#include <algorithm>
#include <cctype>

namespace cloudbox::services::ses {

namespace {

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

bool validate_addr_spec(std::string_view spec, std::string& error) {
    auto at = spec.rfind('@');
    if (at == std::string_view::npos || at + 1 == spec.size()) {
        error = "Missing final '@domain'";
        return false;
    }
    std::string_view local = spec.substr(0, at);
    std::string_view domain = spec.substr(at + 1);
    if (local.empty()) {
        error = "Missing local name";
        return false;
    }
    for (unsigned char c : local) {
        if (c <= 0x20 || c == 0x7F) {
            error = "Local address contains control or whitespace";
            return false;
        }
        if (c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' || c == ':' ||
            c == '[' || c == ']' || c == '\\' || c == '@') {
            error = "Local address contains illegal character";
            return false;
        }
    }
    if (domain.find("..") != std::string_view::npos || domain.front() == '.' ||
        domain.back() == '.') {
        error = "Domain contains dot-dot";
        return false;
    }
    for (unsigned char c : domain) {
        if (!(std::isalnum(c) || c == '.' || c == '-' || c >= 0x80)) {
            error = "Domain contains illegal character";
            return false;
        }
    }
    return true;
}

// Encodes UTF-8 text as B words of at most 75 characters, never splitting a character.
std::string b_words(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    constexpr std::size_t max_bytes = 39; // 52 base64 characters: "Subject: " + word < 76
    while (i < text.size()) {
        std::size_t end = std::min(text.size(), i + max_bytes);
        while (end < text.size() && end > i &&
               (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + core::base64_encode(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

// A body part: CRLF line endings; 7bit when possible, else base64 in 76-character lines.
void append_part(std::string& out, const std::string& type, std::string_view body) {
    std::string crlf;
    crlf.reserve(body.size() + body.size() / 40);
    bool long_line = false;
    std::size_t line_length = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') {
            continue;
        }
        if (c == '\n' || c == '\r') {
            crlf += "\r\n";
            line_length = 0;
            continue;
        }
        crlf += c;
        long_line = long_line || ++line_length > 998;
    }
    out += "Content-Type: " + type + "; charset=UTF-8\r\n";
    if (is_ascii(crlf) && !long_line) {
        out += "Content-Transfer-Encoding: 7bit\r\n\r\n" + crlf + "\r\n";
        return;
    }
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    std::string encoded = core::base64_encode(body);
    for (std::size_t i = 0; i < encoded.size(); i += 76) {
        out += encoded.substr(i, 76) + "\r\n";
    }
}

std::string address_list(const std::vector<std::string>& addresses) {
    std::string out;
    for (const auto& a : addresses) {
        if (!out.empty()) {
            out += ",\r\n ";
        }
        out += encode_address(a);
    }
    return out;
}

std::optional<std::string> decode_q(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
            out += ' ';
        } else if (text[i] == '=' && i + 2 < text.size() &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

std::optional<mail_address> parse_address(std::string_view text, std::string& error) {
    text = trim_spaces(text);
    mail_address out;
    auto lt = text.rfind('<');
    if (lt != std::string_view::npos) {
        auto gt = text.find('>', lt);
        if (gt == std::string_view::npos) {
            error = "Missing '>'";
            return std::nullopt;
        }
        if (!trim_spaces(text.substr(gt + 1)).empty()) {
            error = "Illegal address";
            return std::nullopt;
        }
        std::string_view display = trim_spaces(text.substr(0, lt));
        if (display.size() >= 2 && display.front() == '"' && display.back() == '"') {
            display = display.substr(1, display.size() - 2);
        }
        out.display = decode_header_text(display);
        text = trim_spaces(text.substr(lt + 1, gt - lt - 1));
    } else if (text.find('>') != std::string_view::npos) {
        error = "Missing '<'";
        return std::nullopt;
    }
    if (!validate_addr_spec(text, error)) {
        return std::nullopt;
    }
    out.address = std::string(text);
    return out;
}

std::string bare_address(std::string_view text) {
    std::string error;
    auto parsed = parse_address(text, error);
    return core::to_lower(parsed ? parsed->address : trim_spaces(text));
}

std::vector<std::string> split_address_list(std::string_view value) {
    std::vector<std::string> out;
    bool quoted = false;
    int angle = 0, comment = 0;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        auto item = trim_spaces(value.substr(start, end - start));
        if (!item.empty()) {
            out.emplace_back(item);
        }
        start = end + 1;
    };
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        if (c == '\\' && quoted) {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '<') {
            ++angle;
        } else if (!quoted && c == '>' && angle > 0) {
            --angle;
        } else if (!quoted && c == '(') {
            ++comment;
        } else if (!quoted && c == ')' && comment > 0) {
            --comment;
        } else if (!quoted && angle == 0 && comment == 0 && c == ',') {
            flush(i);
        }
    }
    flush(value.size());
    return out;
}

std::string encode_header_text(std::string_view text) {
    return is_ascii(text) ? std::string(text) : b_words(text);
}

std::string encode_address(std::string_view address) {
    std::string error;
    auto parsed = parse_address(address, error);
    if (!parsed || parsed->display.empty()) {
        return std::string(trim_spaces(address));
    }
    if (is_ascii(parsed->display)) {
        return std::string(trim_spaces(address));
    }
    return b_words(parsed->display) + " <" + parsed->address + ">";
}

std::string decode_header_text(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    bool last_was_word = false;
    while (i < text.size()) {
        auto start = text.find("=?", i);
        if (start == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        auto q1 = text.find('?', start + 2);
        auto q2 = q1 == std::string_view::npos ? q1 : text.find('?', q1 + 1);
        auto end = q2 == std::string_view::npos ? q2 : text.find("?=", q2 + 1);
        if (end == std::string_view::npos || q2 != q1 + 2) {
            out.append(text.substr(i));
            break;
        }
        std::string_view between = text.substr(i, start - i);
        // Whitespace between two encoded words is dropped (RFC 2047 section 6.2).
        if (!(last_was_word && trim_spaces(between).empty() &&
              between.find_first_not_of(" \t\r\n") == std::string_view::npos)) {
            out.append(between);
        }
        char enc = static_cast<char>(std::toupper(static_cast<unsigned char>(text[q1 + 1])));
        std::string_view payload = text.substr(q2 + 1, end - q2 - 1);
        std::optional<std::string> decoded =
            enc == 'B' ? core::base64_decode(payload) : decode_q(payload);
        out += decoded ? *decoded : std::string(text.substr(start, end + 2 - start));
        last_was_word = true;
        i = end + 2;
    }
    return out;
}

std::string format_rfc5322_date(core::sys_time t) {
    std::string http = core::format_http_date(t); // "Sat, 21 Nov 2026 11:19:20 GMT"
    return http.substr(0, http.size() - 3) + "+0000";
}

std::string build_eml(const formatted_message& m) {
    std::string out;
    out += "From: " + encode_address(m.from) + "\r\n";
    if (!m.to.empty()) {
        out += "To: " + address_list(m.to) + "\r\n";
    }
    if (!m.cc.empty()) {
        out += "Cc: " + address_list(m.cc) + "\r\n";
    }
    if (!m.reply_to.empty()) {
        out += "Reply-To: " + address_list(m.reply_to) + "\r\n";
    }
    out += "Subject: " + encode_header_text(m.subject) + "\r\n";
    out += "Message-ID: <" + m.message_id + "@email.amazonses.com>\r\n";
    out += "Date: " + format_rfc5322_date(m.date) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    if (m.text && m.html) {
        out += "Content-Type: multipart/alternative; boundary=\"" + m.boundary + "\"\r\n\r\n";
        out += "--" + m.boundary + "\r\n";
        append_part(out, "text/plain", *m.text);
        out += "\r\n--" + m.boundary + "\r\n";
        append_part(out, "text/html", *m.html);
        out += "\r\n--" + m.boundary + "--\r\n";
    } else {
        append_part(out, m.html ? "text/html" : "text/plain",
                    m.html ? *m.html : m.text.value_or(""));
    }
    return out;
}

std::optional<std::string> raw_headers::get(std::string_view name) const {
    for (const auto& [n, v] : fields) {
        if (n == name) {
            return v;
        }
    }
    return std::nullopt;
}

std::vector<std::string> raw_headers::addresses(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : fields) {
        if (n == name) {
            for (auto& a : split_address_list(v)) {
                out.push_back(std::move(a));
            }
        }
    }
    return out;
}

raw_headers parse_raw_headers(std::string_view raw) {
    raw_headers out;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        auto eol = raw.find('\n', pos);
        std::string_view line = raw.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
        pos = eol == std::string_view::npos ? raw.size() : eol + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            break; // end of the header section
        }
        if ((line.front() == ' ' || line.front() == '\t') && !out.fields.empty()) {
            out.fields.back().second += " " + std::string(trim_spaces(line));
            continue;
        }
        auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        out.fields.emplace_back(core::to_lower(trim_spaces(line.substr(0, colon))),
                                std::string(trim_spaces(line.substr(colon + 1))));
    }
    return out;
}

} // namespace cloudbox::services::ses
