// The injectable clock: freeze, advance, set and unfreeze, without sleeping.
#include "core/clock.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace std::chrono_literals;
namespace core = cloudbox::core;

namespace {

// 2026-11-21T11:19:20Z
const core::clock::time_point fixed{std::chrono::seconds{1795259960}};

// Running-clock checks allow for the test itself being descheduled.
constexpr auto slack = 10s;

} // namespace

TEST_CASE("clock: runs with the system clock by default", "[unit]") {
    core::clock c;
    CHECK_FALSE(c.frozen());
    auto before = std::chrono::system_clock::now();
    auto now = c.now();
    CHECK(now >= before);
    CHECK(now - before < slack);
    CHECK(c.now_seconds() ==
          std::chrono::duration_cast<std::chrono::seconds>(c.now().time_since_epoch()).count());
}

TEST_CASE("clock: frozen time stands still and moves only when told", "[unit]") {
    core::clock c;
    c.freeze();
    CHECK(c.frozen());
    auto t0 = c.now();
    CHECK(c.now() == t0);
    CHECK(c.now() == t0);

    c.set(fixed);
    CHECK(c.frozen()); // set keeps the frozen state
    CHECK(c.now() == fixed);
    CHECK(c.now_seconds() == 1795259960);
    CHECK(c.now_millis() == 1795259960000);

    c.advance(90s);
    CHECK(c.now() == fixed + 90s);
    c.advance(-30s);
    CHECK(c.now() == fixed + 60s);
    c.advance(1ms);
    CHECK(c.now_millis() == 1795260020001);

    c.freeze(); // freezing again keeps the frozen instant
    CHECK(c.now() == fixed + 60s + 1ms);
}

TEST_CASE("clock: unfreeze runs again from the frozen instant", "[unit]") {
    core::clock c;
    c.freeze();
    c.set(fixed);
    c.unfreeze();
    CHECK_FALSE(c.frozen());
    auto now = c.now();
    CHECK(now >= fixed);
    CHECK(now - fixed < slack);
    c.unfreeze(); // no-op when running
    CHECK(c.now() - fixed < slack);
}

TEST_CASE("clock: set and advance shift a running clock", "[unit]") {
    core::clock c;
    c.set(fixed);
    CHECK_FALSE(c.frozen()); // set keeps the running state
    auto now = c.now();
    CHECK(now >= fixed);
    CHECK(now - fixed < slack);

    c.advance(std::chrono::hours{24 * 365});
    now = c.now();
    CHECK(now >= fixed + std::chrono::hours{24 * 365});
    CHECK(now - (fixed + std::chrono::hours{24 * 365}) < slack);

    c.freeze();
    auto frozen_at = c.now();
    CHECK(frozen_at >= fixed + std::chrono::hours{24 * 365});
    CHECK(c.now() == frozen_at);
}
