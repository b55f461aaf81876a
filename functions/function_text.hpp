// Small text helpers the functions share (no cloudbox internals: functions see only the ABI).
#pragma once

#include <chrono>
#include <ctime>
#include <string>
#include <string_view>

namespace cloudbox::functions {

// Decodes an S3 event key: '+' is a space and %XX an octet (AWS URL-encodes keys in events).
inline std::string decode_event_key(std::string_view key) {
    std::string out;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    };
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == '+') {
            out += ' ';
        } else if (key[i] == '%' && i + 2 < key.size() && hex(key[i + 1]) >= 0 &&
                   hex(key[i + 2]) >= 0) {
            out += static_cast<char>(hex(key[i + 1]) * 16 + hex(key[i + 2]));
            i += 2;
        } else {
            out += key[i];
        }
    }
    return out;
}

// 2026-11-21T15:20:00.123Z, as JavaScript's Date.toJSON() prints it.
inline std::string iso8601_millis(std::chrono::system_clock::time_point t) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[40];
    std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms % 1000));
    return out;
}

} // namespace cloudbox::functions
