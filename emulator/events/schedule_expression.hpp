// EventBridge schedule expressions: rate(N unit) and cron(min hour dom month dow year), in UTC,
// with the next firing time computed on the injected clock's time line.
#pragma once

#include "core/clock.hpp"

#include <bitset>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::events {

class schedule_expression {
  public:
    using time_point = core::clock::time_point;

    // nullopt when EventBridge would refuse the expression ("Parameter ScheduleExpression is not
    // valid.").
    static std::optional<schedule_expression> parse(std::string_view text);

    // The first firing strictly after `after`. A rate fires every period counted from `anchor`
    // (the rule's creation or enabling); a cron ignores the anchor. nullopt when the expression
    // never fires again (a cron whose years are past).
    std::optional<time_point> next_after(time_point after, time_point anchor) const;

    bool is_rate() const { return rate_.count() > 0; }
    std::chrono::seconds rate() const { return rate_; }
    const std::string& text() const { return text_; }

  private:
    struct cron_fields {
        std::bitset<60> minutes;
        std::bitset<24> hours;
        std::bitset<32> days_of_month;      // 1..31
        std::bitset<13> months;             // 1..12
        std::bitset<8> days_of_week;        // 1..7 = SUN..SAT
        std::bitset<230> years;             // 1970..2199
        bool dom_any = false;               // '?' in day-of-month
        bool dow_any = false;               // '?' in day-of-week
        bool last_day_of_month = false;     // L
        int last_day_offset = 0;            // L-3
        int nearest_weekday = 0;            // 15W
        bool last_weekday_of_month = false; // LW
        int last_dow_of_month = 0;          // 6L: the last Friday
        int nth_dow = 0, nth_dow_index = 0; // 6#3: the third Friday
    };
    static std::optional<cron_fields> parse_cron(std::string_view body);
    bool day_matches(int year, unsigned month, unsigned day, unsigned weekday) const;

    std::string text_;
    std::chrono::seconds rate_{0};
    cron_fields cron_{};
};

} // namespace cloudbox::events
