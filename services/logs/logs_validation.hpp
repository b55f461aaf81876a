// Checks shared by the CloudWatch Logs operations, with AWS's messages.
#pragma once

#include "logs/logs_errors.hpp"

#include <cstdint>
#include <optional>
#include <regex>
#include <string>

namespace cloudbox::services::logs {

inline void check_group_name(const std::string& name, const char* field = "logGroupName") {
    static const std::regex pattern("[\\.\\-_/#A-Za-z0-9]+");
    if (name.empty() || name.size() > 512 || !std::regex_match(name, pattern)) {
        throw errors::invalid_parameter("1 validation error detected: Value '" + name + "' at '" +
                                        field +
                                        "' failed to satisfy constraint: Member must satisfy "
                                        "regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    }
}

inline int check_limit(std::optional<std::int64_t> limit, int fallback, int max) {
    if (!limit) {
        return fallback;
    }
    if (*limit < 1 || *limit > max) {
        throw errors::invalid_parameter(
            "1 validation error detected: Value '" + std::to_string(*limit) +
            "' at 'limit' failed to satisfy constraint: Member must have value " +
            (*limit < 1 ? "greater than or equal to 1"
                        : "less than or equal to " + std::to_string(max)));
    }
    return static_cast<int>(*limit);
}

// Paging tokens name a position: "<timestamp>_<id>".
inline std::string position_token(std::int64_t ts, std::int64_t id) {
    return std::to_string(ts) + "_" + std::to_string(id);
}
inline std::optional<std::pair<std::int64_t, std::int64_t>> parse_position(const std::string& t) {
    auto sep = t.find('_');
    if (sep == std::string::npos || sep == 0 || sep + 1 == t.size() ||
        t.find_first_not_of("-0123456789_") != std::string::npos) {
        return std::nullopt;
    }
    return std::pair{std::stoll(t.substr(0, sep)), std::stoll(t.substr(sep + 1))};
}

} // namespace cloudbox::services::logs
