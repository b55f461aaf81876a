// Byte-range syntax shared by GetObject's Range and UploadPartCopy's x-amz-copy-source-range
// (each applies its own rules to the two ends).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace cloudbox::services::s3 {

// An unsigned decimal number that is all of `text` (no sign, no blanks); false otherwise.
bool parse_uint(std::string_view text, std::uint64_t& out);

// "bytes=A-B" split at the first '-' after the unit: {A, B}, either possibly empty. nullopt
// without the "bytes=" unit or without a '-'.
std::optional<std::pair<std::string_view, std::string_view>>
split_byte_range(std::string_view header);

} // namespace cloudbox::services::s3
