// Small text helpers for header values: comma-separated lists and blank trimming.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::s3 {

// `s` without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view s);

// The items of a comma-separated list, untrimmed and in order. Empty items between commas are
// kept; an empty list, or the end after a final comma, gives no item.
std::vector<std::string_view> split_list(std::string_view list);

// An object, part or upload time as S3 lists it: whole seconds, "2026-11-22T06:08:52.000Z"
// (so that a listing's LastModified equals HeadObject's).
std::string listing_time(std::int64_t millis);

} // namespace cloudbox::services::s3
