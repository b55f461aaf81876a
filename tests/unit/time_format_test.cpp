// Wire timestamp formats: ISO 8601 (XML), HTTP-date (headers), SigV4 amz date; strict parsing.
#include "core/time_format.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using namespace cloudbox::core;

namespace {

// 2026-11-21T11:19:20.123Z, the time of the wire captures.
constexpr std::int64_t capture_ms = 1795259960123;

} // namespace

TEST_CASE("time_format: ISO 8601 with and without milliseconds", "[unit]") {
    const cloudbox::core::sys_time t = from_millis(capture_ms);
    CHECK(format_iso8601_millis(t) == "2026-11-21T11:19:20.123Z");
    CHECK(format_iso8601(t) == "2026-11-21T11:19:20Z");
    CHECK(format_iso8601_millis(from_millis(0)) == "1970-01-01T00:00:00.000Z");
    CHECK(format_iso8601_millis(from_millis(-1)) == "1969-12-31T23:59:59.999Z");
    CHECK(format_iso8601(from_millis(951782400000)) == "2000-02-29T00:00:00Z");

    CHECK(parse_iso8601("2026-11-21T11:19:20.123Z") == t);
    CHECK(parse_iso8601("2026-11-21T11:19:20Z") == from_millis(capture_ms - 123));
    CHECK(parse_iso8601("2026-11-21T11:19:20.1Z") == from_millis(capture_ms - 23));
    CHECK(parse_iso8601("2026-11-21T11:19:20.12Z") == from_millis(capture_ms - 3));
    // Sub-millisecond digits are dropped, not rounded.
    CHECK(parse_iso8601("2026-11-21T11:19:20.123999Z") == t);
    CHECK(parse_iso8601("2000-02-29T00:00:00Z") == from_millis(951782400000));
    for (std::int64_t ms : {std::int64_t{0}, capture_ms, std::int64_t{4102444799999}}) {
        CHECK(parse_iso8601(format_iso8601_millis(from_millis(ms))) == from_millis(ms));
    }
}

TEST_CASE("time_format: invalid ISO 8601 is nullopt", "[unit]") {
    CHECK_FALSE(parse_iso8601(""));
    CHECK_FALSE(parse_iso8601("2026-11-21"));
    CHECK_FALSE(parse_iso8601("2026-11-21T11:19:20"));
    CHECK_FALSE(parse_iso8601("2026-11-21 11:19:20Z"));
    CHECK_FALSE(parse_iso8601("2026/11/21T11:19:20Z"));
    CHECK_FALSE(parse_iso8601("2026-11-21T11:19:20ZZ"));
    CHECK_FALSE(parse_iso8601("2026-11-21T11:19:20.Z"));
    CHECK_FALSE(parse_iso8601("2026-11-21T11:19:20.12xZ"));
    CHECK_FALSE(parse_iso8601("2026-11-21T11:19:20+00:00"));
    CHECK_FALSE(parse_iso8601("2026-13-01T00:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-02-29T00:00:00Z")); // not a leap year
    CHECK_FALSE(parse_iso8601("2026-11-31T00:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-11-21T24:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-11-21T11:60:00Z"));
    CHECK_FALSE(parse_iso8601("2026-1a-21T11:19:20Z"));
    CHECK_FALSE(parse_iso8601("+026-11-21T11:19:20Z"));
}

TEST_CASE("time_format: HTTP date formats and round-trips", "[unit]") {
    const cloudbox::core::sys_time t = from_millis(capture_ms);
    CHECK(format_http_date(t) == "Sat, 21 Nov 2026 11:19:20 GMT");
    CHECK(format_http_date(from_millis(0)) == "Thu, 01 Jan 1970 00:00:00 GMT");
    CHECK(format_http_date(from_millis(1582934400000)) == "Sat, 29 Feb 2020 00:00:00 GMT");
    CHECK(format_http_date(from_millis(4102444799000)) == "Thu, 31 Dec 2099 23:59:59 GMT");

    CHECK(parse_http_date("Sat, 21 Nov 2026 11:19:20 GMT") == from_millis(capture_ms - 123));
    for (std::int64_t ms :
         {std::int64_t{0}, std::int64_t{951782400000}, std::int64_t{4102444799000}}) {
        CHECK(parse_http_date(format_http_date(from_millis(ms))) == from_millis(ms));
    }
    for (int month = 0; month < 12; ++month) {
        // One day in every month, to check each month name both ways.
        auto ms = std::int64_t{1767225600000} + std::int64_t{86400000} * (14 + 31 * month);
        auto text = format_http_date(from_millis(ms));
        CHECK(parse_http_date(text) == from_millis(ms));
    }
}

TEST_CASE("time_format: invalid HTTP dates are nullopt", "[unit]") {
    CHECK_FALSE(parse_http_date(""));
    CHECK_FALSE(parse_http_date("Sat, 21 Nov 2026 11:19:20"));
    CHECK_FALSE(parse_http_date("Sat, 21 Foo 2026 11:19:20 GMT"));
    CHECK_FALSE(parse_http_date("Sat, 31 Feb 2026 11:19:20 GMT"));
    CHECK_FALSE(parse_http_date("Sat, 21 Nov 2026 25:19:20 GMT"));
    CHECK_FALSE(parse_http_date("Sat 21 Nov 2026 11:19:20 GMT "));
    CHECK_FALSE(parse_http_date("Sat, 21-Nov-2026 11:19:20 GMT"));
    CHECK_FALSE(parse_http_date("Sat, 21 Nov 2026 11.19.20 GMT"));
    CHECK_FALSE(parse_http_date("Sat, 21 Nov 2026 11:19:20 UTC"));
    CHECK_FALSE(parse_http_date("Sat, 21 Nov 2026 11:19:20 GMT trailing"));
    CHECK_FALSE(parse_http_date("2026-11-21T11:19:20Z"));
}

TEST_CASE("time_format: SigV4 amz date", "[unit]") {
    CHECK(parse_amz_date("20261121T111920Z") == from_millis(capture_ms - 123));
    CHECK(parse_amz_date("19700101T000000Z") == from_millis(0));
    CHECK_FALSE(parse_amz_date(""));
    CHECK_FALSE(parse_amz_date("20261121T111920"));
    CHECK_FALSE(parse_amz_date("20261121 111920Z"));
    CHECK_FALSE(parse_amz_date("20261121T111920ZZ"));
    CHECK_FALSE(parse_amz_date("20261321T111920Z"));
    CHECK_FALSE(parse_amz_date("20261121T241920Z"));
    CHECK_FALSE(parse_amz_date("2026112xT111920Z"));
    CHECK_FALSE(parse_amz_date("2026-11-21T11:19:20Z"));
}

TEST_CASE("time_format: millisecond conversions round-trip", "[unit]") {
    for (std::int64_t ms : {std::int64_t{-1}, std::int64_t{0}, capture_ms}) {
        CHECK(to_millis(from_millis(ms)) == ms);
    }
}
