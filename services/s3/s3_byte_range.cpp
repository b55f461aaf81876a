// Byte-range syntax shared by GetObject and UploadPartCopy.
#include "s3/s3_byte_range.hpp"

#include <charconv>

namespace cloudbox::services::s3 {

bool parse_uint(std::string_view text, std::uint64_t& out) {
    if (text.empty()) {
        return false;
    }
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

std::optional<std::pair<std::string_view, std::string_view>>
split_byte_range(std::string_view header) {
    if (!header.starts_with("bytes=")) {
        return std::nullopt;
    }
    std::string_view spec = header.substr(6);
    auto dash = spec.find('-');
    if (dash == std::string_view::npos) {
        return std::nullopt;
    }
    return std::pair{spec.substr(0, dash), spec.substr(dash + 1)};
}

} // namespace cloudbox::services::s3
