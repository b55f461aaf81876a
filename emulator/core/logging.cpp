// Minimal leveled logging to stderr.
#include "core/logging.hpp"

#include <atomic>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace cloudbox::core {

namespace {
std::atomic<log_level> level{log_level::info};
} // namespace

void set_log_level(log_level l) {
    level = l;
}
log_level current_log_level() {
    return level;
}

bool parse_log_level(std::string_view text, log_level& out) {
    if (text == "debug") {
        out = log_level::debug;
    } else if (text == "info") {
        out = log_level::info;
    } else if (text == "warn" || text == "warning") {
        out = log_level::warn;
    } else if (text == "error") {
        out = log_level::error;
    } else if (text == "off" || text == "none") {
        out = log_level::off;
    } else {
        return false;
    }
    return true;
}

void log(log_level l, std::string_view message) {
    if (l < level.load()) {
        return;
    }
    static constexpr const char* names[] = {"DEBUG", "INFO", "WARN", "ERROR", "OFF"};
    std::string line;
    line.reserve(message.size() + 8);
    line.append(names[static_cast<int>(l)]).append(" ").append(message).push_back('\n');
    // One write(2) per line: short writes are atomic, so lines never interleave and no lock is
    // needed on the request path.
    std::size_t done = 0;
    while (done < line.size()) {
        ssize_t n = ::write(2, line.data() + done, line.size() - done);
        if (n <= 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace cloudbox::core
