// Small text helpers for header values: comma-separated lists and blank trimming.
#pragma once

#include <string_view>
#include <vector>

namespace cloudbox::services::s3 {

// `s` without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view s);

// The items of a comma-separated list, untrimmed and in order. Empty items between commas are
// kept; an empty list, or the end after a final comma, gives no item.
std::vector<std::string_view> split_list(std::string_view list);

} // namespace cloudbox::services::s3
