// Timestamp formats on the wire, via C++20 calendar types (no locale, no time zone database).
#include "core/time_format.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace cloudbox::core {

using namespace std::chrono;

namespace {

constexpr std::array<const char*, 7> weekday_names = {"Sun", "Mon", "Tue", "Wed",
                                                      "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct civil {
    int year;
    unsigned month, day, hour, minute, second, millis;
    unsigned weekday;
};

civil split(sys_time t) {
    auto ms = floor<milliseconds>(t);
    auto days = floor<std::chrono::days>(ms);
    year_month_day ymd{days};
    hh_mm_ss hms{ms - days};
    return civil{static_cast<int>(ymd.year()),
                 static_cast<unsigned>(ymd.month()),
                 static_cast<unsigned>(ymd.day()),
                 static_cast<unsigned>(hms.hours().count()),
                 static_cast<unsigned>(hms.minutes().count()),
                 static_cast<unsigned>(hms.seconds().count()),
                 static_cast<unsigned>(hms.subseconds().count()),
                 weekday{days}.c_encoding()};
}

std::optional<sys_time> make_time(int y, unsigned mo, unsigned d, unsigned h, unsigned mi,
                                  unsigned s, unsigned ms) {
    year_month_day ymd{year{y}, month{mo}, day{d}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 60) {
        return std::nullopt;
    }
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
}

bool read_uint(std::string_view text, std::size_t pos, std::size_t len, unsigned& out) {
    if (pos + len > text.size()) {
        return false;
    }
    out = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        out = out * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

} // namespace

std::string format_iso8601_millis(sys_time t) {
    civil c = split(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02u.%03uZ", c.year, c.month, c.day,
                  c.hour, c.minute, c.second, c.millis);
    return buf;
}

std::string format_iso8601(sys_time t) {
    civil c = split(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02uZ", c.year, c.month, c.day, c.hour,
                  c.minute, c.second);
    return buf;
}

std::string format_http_date(sys_time t) {
    civil c = split(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02u:%02u:%02u GMT", weekday_names[c.weekday],
                  c.day, month_names[c.month - 1], c.year, c.hour, c.minute, c.second);
    return buf;
}

std::optional<sys_time> parse_http_date(std::string_view text) {
    // "Sat, 21 Nov 2026 11:19:20 GMT": fixed width, GMT only (RFC 7231 IMF-fixdate).
    if (text.size() != 29 || text[3] != ',' || text[4] != ' ' || text[7] != ' ' ||
        text[11] != ' ' || text[16] != ' ' || text[19] != ':' || text[22] != ':' ||
        text.substr(25) != " GMT") {
        return std::nullopt;
    }
    unsigned d, y, h, mi, s;
    if (!read_uint(text, 5, 2, d) || !read_uint(text, 12, 4, y) || !read_uint(text, 17, 2, h) ||
        !read_uint(text, 20, 2, mi) || !read_uint(text, 23, 2, s)) {
        return std::nullopt;
    }
    std::string_view mon = text.substr(8, 3);
    for (unsigned m = 0; m < 12; ++m) {
        if (mon == month_names[m]) {
            return make_time(static_cast<int>(y), m + 1, d, h, mi, s, 0);
        }
    }
    return std::nullopt;
}

std::optional<sys_time> parse_amz_date(std::string_view text) {
    unsigned y, mo, d, h, mi, s;
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z' || !read_uint(text, 0, 4, y) ||
        !read_uint(text, 4, 2, mo) || !read_uint(text, 6, 2, d) || !read_uint(text, 9, 2, h) ||
        !read_uint(text, 11, 2, mi) || !read_uint(text, 13, 2, s)) {
        return std::nullopt;
    }
    return make_time(static_cast<int>(y), mo, d, h, mi, s, 0);
}

std::optional<sys_time> parse_iso8601(std::string_view text) {
    unsigned y, mo, d, h, mi, s;
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || !read_uint(text, 0, 4, y) ||
        !read_uint(text, 5, 2, mo) || !read_uint(text, 8, 2, d) || !read_uint(text, 11, 2, h) ||
        !read_uint(text, 14, 2, mi) || !read_uint(text, 17, 2, s)) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    unsigned ms = 0;
    if (text[pos] == '.') {
        std::size_t start = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (pos - start < 3) {
                ms = ms * 10 + static_cast<unsigned>(text[pos] - '0');
            }
            ++pos;
        }
        if (pos == start) {
            return std::nullopt; // "20.Z": a fraction needs at least one digit
        }
        for (std::size_t k = pos - start; k < 3; ++k) {
            ms *= 10;
        }
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') {
        return std::nullopt;
    }
    return make_time(static_cast<int>(y), mo, d, h, mi, s, ms);
}

sys_time from_millis(std::int64_t ms) {
    return sys_time{milliseconds{ms}};
}

std::int64_t to_millis(sys_time t) {
    return duration_cast<milliseconds>(t.time_since_epoch()).count();
}

} // namespace cloudbox::core
