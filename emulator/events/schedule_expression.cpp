// rate() and cron() as EventBridge reads them; see the AWS user guide "Schedule expressions".
#include "events/schedule_expression.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

namespace cloudbox::events {

namespace {

using namespace std::chrono;

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        parts.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) {
            return parts;
        }
        start = pos + 1;
    }
}

std::vector<std::string_view> split_spaces(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') {
            ++i;
        }
        std::size_t start = i;
        while (i < s.size() && s[i] != ' ') {
            ++i;
        }
        if (i > start) {
            parts.push_back(s.substr(start, i - start));
        }
    }
    return parts;
}

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
        return std::nullopt;
    }
    return v;
}

constexpr std::array<std::string_view, 12> month_names = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> day_names = {"SUN", "MON", "TUE", "WED",
                                                       "THU", "FRI", "SAT"};

// A value of a field: a number, or a month / weekday name (case-insensitive).
template <std::size_t N>
std::optional<int> parse_value(std::string_view s, const std::array<std::string_view, N>* names) {
    if (auto v = parse_int(s)) {
        return v;
    }
    if (names != nullptr && s.size() == 3) {
        std::string upper;
        for (char c : s) {
            upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        for (std::size_t i = 0; i < N; ++i) {
            if ((*names)[i] == upper) {
                return static_cast<int>(i) + 1;
            }
        }
    }
    return std::nullopt;
}

// "*", "a", "a-b", "*/s", "a/s", "a-b/s", and lists of those, into allowed[lo..hi].
template <std::size_t Bits, std::size_t N = 1>
bool parse_field(std::string_view text, int lo, int hi, std::bitset<Bits>& allowed,
                 const std::array<std::string_view, N>* names = nullptr) {
    for (auto item : split(text, ',')) {
        int step = 1;
        if (auto slash = item.find('/'); slash != std::string_view::npos) {
            auto s = parse_int(item.substr(slash + 1));
            if (!s || *s <= 0) {
                return false;
            }
            step = *s;
            item = item.substr(0, slash);
        }
        int from = lo;
        int to = hi;
        if (item == "*") {
            // the whole range
        } else if (auto dash = item.find('-'); dash != std::string_view::npos) {
            auto a = parse_value(item.substr(0, dash), names);
            auto b = parse_value(item.substr(dash + 1), names);
            if (!a || !b) {
                return false;
            }
            from = *a;
            to = *b;
        } else {
            auto a = parse_value(item, names);
            if (!a) {
                return false;
            }
            from = *a;
            to = step > 1 ? hi : *a;
        }
        if (from < lo || to > hi || from > to) {
            return false;
        }
        for (int v = from; v <= to; v += step) {
            allowed.set(static_cast<std::size_t>(v - (Bits == 230 ? 1970 : 0)));
        }
    }
    return true;
}

unsigned last_day(int year, unsigned month) {
    return static_cast<unsigned>(
        (std::chrono::year{year} / std::chrono::month{month} / std::chrono::last).day());
}

unsigned weekday_of(int year, unsigned month, unsigned day) {
    // 1..7 = SUN..SAT, as cron counts them
    return std::chrono::weekday{
               std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                                     std::chrono::day{day}}}
               .c_encoding() +
           1;
}

} // namespace

std::optional<schedule_expression> schedule_expression::parse(std::string_view text) {
    schedule_expression expr;
    expr.text_ = std::string(text);
    auto t = trim(text);
    if (t.starts_with("rate(") && t.ends_with(")")) {
        auto parts = split_spaces(t.substr(5, t.size() - 6));
        if (parts.size() != 2) {
            return std::nullopt;
        }
        auto value = parse_int(parts[0]);
        if (!value || *value <= 0) {
            return std::nullopt;
        }
        std::string_view unit = parts[1];
        // EventBridge wants the singular for 1 and the plural otherwise.
        bool plural = *value != 1;
        std::int64_t seconds = 0;
        if (unit == (plural ? "minutes" : "minute")) {
            seconds = 60;
        } else if (unit == (plural ? "hours" : "hour")) {
            seconds = 3600;
        } else if (unit == (plural ? "days" : "day")) {
            seconds = 86400;
        } else {
            return std::nullopt;
        }
        expr.rate_ = std::chrono::seconds(seconds * *value);
        return expr;
    }
    if (t.starts_with("cron(") && t.ends_with(")")) {
        auto fields = parse_cron(t.substr(5, t.size() - 6));
        if (!fields) {
            return std::nullopt;
        }
        expr.cron_ = *fields;
        return expr;
    }
    return std::nullopt;
}

std::optional<schedule_expression::cron_fields>
schedule_expression::parse_cron(std::string_view body) {
    auto f = split_spaces(body);
    if (f.size() != 6) {
        return std::nullopt;
    }
    cron_fields c;
    if (!parse_field(f[0], 0, 59, c.minutes) || !parse_field(f[1], 0, 23, c.hours) ||
        !parse_field(f[3], 1, 12, c.months, &month_names) ||
        !parse_field(f[5], 1970, 2199, c.years)) {
        return std::nullopt;
    }
    // One of day-of-month and day-of-week must be '?', not both.
    c.dom_any = f[2] == "?";
    c.dow_any = f[4] == "?";
    if (c.dom_any == c.dow_any) {
        return std::nullopt;
    }
    if (!c.dom_any) {
        std::string_view dom = f[2];
        if (dom == "L") {
            c.last_day_of_month = true;
        } else if (dom.starts_with("L-")) {
            auto n = parse_int(dom.substr(2));
            if (!n || *n < 0 || *n > 30) {
                return std::nullopt;
            }
            c.last_day_of_month = true;
            c.last_day_offset = *n;
        } else if (dom == "LW") {
            c.last_weekday_of_month = true;
        } else if (dom.ends_with("W")) {
            auto n = parse_int(dom.substr(0, dom.size() - 1));
            if (!n || *n < 1 || *n > 31) {
                return std::nullopt;
            }
            c.nearest_weekday = *n;
        } else if (!parse_field(dom, 1, 31, c.days_of_month)) {
            return std::nullopt;
        }
    }
    if (!c.dow_any) {
        std::string_view dow = f[4];
        if (auto hash = dow.find('#'); hash != std::string_view::npos) {
            auto d = parse_value(dow.substr(0, hash), &day_names);
            auto n = parse_int(dow.substr(hash + 1));
            if (!d || !n || *d < 1 || *d > 7 || *n < 1 || *n > 5) {
                return std::nullopt;
            }
            c.nth_dow = *d;
            c.nth_dow_index = *n;
        } else if (dow == "L") {
            c.days_of_week.set(7); // the last day of the week: Saturday
        } else if (dow.size() > 1 && dow.ends_with("L")) {
            auto d = parse_value(dow.substr(0, dow.size() - 1), &day_names);
            if (!d || *d < 1 || *d > 7) {
                return std::nullopt;
            }
            c.last_dow_of_month = *d;
        } else if (!parse_field(dow, 1, 7, c.days_of_week, &day_names)) {
            return std::nullopt;
        }
    }
    return c;
}

bool schedule_expression::day_matches(int year, unsigned month, unsigned day,
                                      unsigned weekday) const {
    const auto& c = cron_;
    unsigned last = last_day(year, month);
    if (!c.dom_any) {
        if (c.last_day_of_month) {
            return static_cast<int>(day) == static_cast<int>(last) - c.last_day_offset;
        }
        if (c.last_weekday_of_month || c.nearest_weekday > 0) {
            // The weekday (MON-FRI) nearest the given day, within the month.
            unsigned target = c.last_weekday_of_month
                                  ? last
                                  : std::min(static_cast<unsigned>(c.nearest_weekday), last);
            unsigned wd = weekday_of(year, month, target);
            unsigned nearest = target;
            if (wd == 7) { // Saturday: Friday, or Monday when the 1st is a Saturday
                nearest = target > 1 ? target - 1 : target + 2;
            } else if (wd == 1) { // Sunday: Monday, or Friday when it is the last day
                nearest = target < last ? target + 1 : target - 2;
            }
            return day == nearest;
        }
        return c.days_of_month.test(day);
    }
    if (c.nth_dow > 0) {
        return static_cast<int>(weekday) == c.nth_dow &&
               static_cast<int>((day - 1) / 7 + 1) == c.nth_dow_index;
    }
    if (c.last_dow_of_month > 0) {
        return static_cast<int>(weekday) == c.last_dow_of_month && day + 7 > last;
    }
    return c.days_of_week.test(weekday);
}

std::optional<schedule_expression::time_point>
schedule_expression::next_after(time_point after, time_point anchor) const {
    if (is_rate()) {
        if (after < anchor) {
            return anchor + rate_;
        }
        auto periods = duration_cast<seconds>(after - anchor) / rate_;
        return anchor + rate_ * (periods + 1);
    }
    // The first whole minute strictly after `after`, then day by day.
    auto start = floor<minutes>(after) + minutes(1);
    auto day = floor<days>(start);
    auto minute_of_day = duration_cast<minutes>(start - day).count();
    for (int i = 0; i < 366 * 231; ++i, day += days(1), minute_of_day = 0) {
        year_month_day ymd{day};
        int y = static_cast<int>(ymd.year());
        if (y > 2199) {
            return std::nullopt;
        }
        unsigned m = static_cast<unsigned>(ymd.month());
        unsigned d = static_cast<unsigned>(ymd.day());
        if (y < 1970 || !cron_.years.test(static_cast<std::size_t>(y - 1970)) ||
            !cron_.months.test(m) || !day_matches(y, m, d, weekday_of(y, m, d))) {
            continue;
        }
        for (auto t = minute_of_day; t < 24 * 60; ++t) {
            if (cron_.hours.test(static_cast<std::size_t>(t / 60)) &&
                cron_.minutes.test(static_cast<std::size_t>(t % 60))) {
                return time_point(day + minutes(t));
            }
        }
    }
    return std::nullopt;
}

} // namespace cloudbox::events
