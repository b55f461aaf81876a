// Minimal leveled logging to stderr (one line per call, thread-safe).
#pragma once

#include <string_view>

namespace cloudbox::core {

enum class log_level { debug = 0, info = 1, warn = 2, error = 3, off = 4 };

void set_log_level(log_level level);
log_level current_log_level();
bool parse_log_level(std::string_view text, log_level& out);
void log(log_level level, std::string_view message);

inline void log_debug(std::string_view m) {
    log(log_level::debug, m);
}
inline void log_info(std::string_view m) {
    log(log_level::info, m);
}
inline void log_warn(std::string_view m) {
    log(log_level::warn, m);
}
inline void log_error(std::string_view m) {
    log(log_level::error, m);
}

} // namespace cloudbox::core
