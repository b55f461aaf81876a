// EventBridge schedule expressions: what is accepted, and when each fires next.
#include "core/time_format.hpp"
#include "events/schedule_expression.hpp"

#include <catch2/catch.hpp>

using cloudbox::events::schedule_expression;
using namespace std::chrono;

namespace {

system_clock::time_point at(const char* iso) {
    auto t = cloudbox::core::parse_iso8601(iso);
    REQUIRE(t);
    return *t;
}

std::string next(const char* expression, const char* after, const char* anchor = nullptr) {
    auto expr = schedule_expression::parse(expression);
    REQUIRE(expr);
    auto t = expr->next_after(at(after), at(anchor ? anchor : after));
    return t ? cloudbox::core::format_iso8601(*t) : std::string("never");
}

} // namespace

TEST_CASE("schedule_expression: rate() takes a positive count and a unit of matching number",
          "[unit]") {
    CHECK(schedule_expression::parse("rate(1 minute)"));
    CHECK(schedule_expression::parse("rate(5 minutes)"));
    CHECK(schedule_expression::parse("rate(1 hour)")->rate() == hours(1));
    CHECK(schedule_expression::parse("rate(2 days)")->rate() == hours(48));
    CHECK_FALSE(schedule_expression::parse("rate(1 minutes)"));
    CHECK_FALSE(schedule_expression::parse("rate(5 minute)"));
    CHECK_FALSE(schedule_expression::parse("rate(0 minutes)"));
    CHECK_FALSE(schedule_expression::parse("rate(-1 minutes)"));
    CHECK_FALSE(schedule_expression::parse("rate(5 seconds)"));
    CHECK_FALSE(schedule_expression::parse("rate(5)"));
    CHECK_FALSE(schedule_expression::parse("every 5 minutes"));
}

TEST_CASE("schedule_expression: a rate fires every period counted from its anchor", "[unit]") {
    CHECK(next("rate(1 hour)", "2026-01-01T00:00:00Z") == "2026-01-01T01:00:00Z");
    CHECK(next("rate(1 hour)", "2026-01-01T01:00:00Z", "2026-01-01T00:00:00Z") ==
          "2026-01-01T02:00:00Z");
    CHECK(next("rate(10 minutes)", "2026-01-01T00:25:00Z", "2026-01-01T00:00:30Z") ==
          "2026-01-01T00:30:30Z");
}

TEST_CASE("schedule_expression: cron() needs six fields and exactly one '?' day field", "[unit]") {
    CHECK(schedule_expression::parse("cron(0 12 * * ? *)"));
    CHECK(schedule_expression::parse("cron(0 18 ? * MON-FRI *)"));
    CHECK(schedule_expression::parse("cron(0/15 * * * ? *)"));
    CHECK_FALSE(schedule_expression::parse("cron(0 12 * * * *)"));
    CHECK_FALSE(schedule_expression::parse("cron(0 12 ? * ? *)"));
    CHECK_FALSE(schedule_expression::parse("cron(0 12 * * ?)"));
    CHECK_FALSE(schedule_expression::parse("cron(60 12 * * ? *)"));
    CHECK_FALSE(schedule_expression::parse("cron(0 24 * * ? *)"));
    CHECK_FALSE(schedule_expression::parse("cron(0 12 32 * ? *)"));
    CHECK_FALSE(schedule_expression::parse("cron(0 12 ? * 8 *)"));
    CHECK_FALSE(schedule_expression::parse("cron(0 12 ? * FOO *)"));
}

TEST_CASE("schedule_expression: cron fields, names, steps and the L W # forms", "[unit]") {
    // every day at noon
    CHECK(next("cron(0 12 * * ? *)", "2026-01-01T13:00:00Z") == "2026-01-02T12:00:00Z");
    CHECK(next("cron(0 12 * * ? *)", "2026-01-01T11:59:30Z") == "2026-01-01T12:00:00Z");
    // strictly after: the same minute does not fire again
    CHECK(next("cron(0 12 * * ? *)", "2026-01-01T12:00:00Z") == "2026-01-02T12:00:00Z");
    // every 15 minutes
    CHECK(next("cron(0/15 * * * ? *)", "2026-01-01T10:07:00Z") == "2026-01-01T10:15:00Z");
    // weekdays at 18:00; 2026-01-02 is a Friday
    CHECK(next("cron(0 18 ? * MON-FRI *)", "2026-01-02T19:00:00Z") == "2026-01-05T18:00:00Z");
    // the first day of each month at 08:00
    CHECK(next("cron(0 8 1 * ? *)", "2026-01-15T00:00:00Z") == "2026-02-01T08:00:00Z");
    // the last day of the month, and three days before it
    CHECK(next("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z") == "2026-02-28T00:00:00Z");
    CHECK(next("cron(0 0 L-3 * ? *)", "2026-02-01T00:00:00Z") == "2026-02-25T00:00:00Z");
    // the last Friday of the month (6L), the first Monday (2#1)
    CHECK(next("cron(15 10 ? * 6L *)", "2026-01-01T00:00:00Z") == "2026-01-30T10:15:00Z");
    CHECK(next("cron(0 9 ? * 2#1 *)", "2026-01-06T00:00:00Z") == "2026-02-02T09:00:00Z");
    // the weekday nearest the 15th: 2026-02-15 is a Sunday, so Monday the 16th
    CHECK(next("cron(0 9 15W * ? *)", "2026-02-01T00:00:00Z") == "2026-02-16T09:00:00Z");
    // a month by name, a year list, and a schedule that never fires again
    CHECK(next("cron(0 0 1 JUL ? 2027)", "2026-01-01T00:00:00Z") == "2027-07-01T00:00:00Z");
    CHECK(next("cron(0 0 1 1 ? 2025)", "2026-01-01T00:00:00Z") == "never");
}
