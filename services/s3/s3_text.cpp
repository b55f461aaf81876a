// Small text helpers for header values.
#include "s3/s3_text.hpp"

#include "core/time_format.hpp"

namespace cloudbox::services::s3 {

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string_view> split_list(std::string_view list) {
    std::vector<std::string_view> out;
    while (!list.empty()) {
        auto comma = list.find(',');
        out.push_back(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
    return out;
}

std::string listing_time(std::int64_t millis) {
    return core::format_iso8601_millis(core::from_millis(millis - millis % 1000));
}

} // namespace cloudbox::services::s3
