// Timestamp formats on the wire: ISO 8601 (XML bodies), RFC 7231 HTTP-date (headers),
// and the compact SigV4 form (20261121T111920Z).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::core {

using sys_time = std::chrono::system_clock::time_point;

std::string format_iso8601_millis(sys_time t); // 2026-11-21T11:19:20.000Z
std::string format_iso8601(sys_time t);        // 2026-11-21T11:19:20Z
std::string format_http_date(sys_time t);      // Sat, 21 Nov 2026 11:19:20 GMT

std::optional<sys_time> parse_http_date(std::string_view text); // RFC 1123 form
std::optional<sys_time> parse_amz_date(std::string_view text);  // 20261121T111920Z
std::optional<sys_time> parse_iso8601(std::string_view text);   // with optional fraction, Z

sys_time from_millis(std::int64_t ms);
std::int64_t to_millis(sys_time t);

} // namespace cloudbox::core
