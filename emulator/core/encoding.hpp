// Text encodings used on the wire: hex, base64, URI percent-encoding, XML escaping.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::core {

std::string to_hex(std::string_view bytes);
std::string base64_encode(std::string_view bytes);
// Strict RFC 4648 decoding (padding required); nullopt on any invalid character or length.
std::optional<std::string> base64_decode(std::string_view text);

// Percent-decoding of a URI component; '+' stays '+' unless plus_as_space (form bodies).
// nullopt for a malformed escape.
std::optional<std::string> url_decode(std::string_view text, bool plus_as_space = false);
// AWS's URI encoding (RFC 3986 unreserved kept); encode_slash=false keeps '/'.
std::string url_encode(std::string_view text, bool encode_slash = true);

std::string xml_escape(std::string_view text);

std::string to_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool is_valid_utf8(std::string_view text);

} // namespace cloudbox::core
