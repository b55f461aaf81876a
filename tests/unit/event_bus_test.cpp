// The event bus (async and --sync-events) and the scheduler on a frozen clock.
#include "core/clock.hpp"
#include "events/event_bus.hpp"
#include "events/scheduler.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace cloudbox;
using namespace std::chrono;

TEST_CASE("event_bus: synchronous mode runs a job before post() returns", "[unit]") {
    events::event_bus bus(true);
    std::thread::id ran_on;
    int order = 0;
    bus.post("first", [&] {
        ran_on = std::this_thread::get_id();
        bus.post("nested", [&] { order = order * 10 + 1; }); // runs inside, in order
        order = order * 10 + 2;
    });
    CHECK(ran_on == std::this_thread::get_id());
    CHECK(order == 12);
}

TEST_CASE("event_bus: drain waits for queued jobs, jobs they post, and drain hooks", "[unit]") {
    events::event_bus bus(false, 2);
    std::atomic<int> done{0};
    std::atomic<int> hook_calls{0};
    bus.add_drain_hook([&] { ++hook_calls; });
    for (int i = 0; i < 50; ++i) {
        bus.post("job", [&] {
            bus.post("follow-up", [&] { ++done; });
            ++done;
        });
    }
    bus.post("throws", [] { throw std::runtime_error("consumer failed"); });
    bus.drain();
    CHECK(done == 100);
    CHECK(hook_calls >= 1);
}

TEST_CASE("scheduler: a frozen clock fires timers only when moved, missed ones in order",
          "[unit]") {
    core::clock clock;
    clock.freeze();
    events::scheduler sched(clock);
    const auto start = clock.now();
    std::mutex m;
    std::vector<long> fired_minutes;
    // a timer that re-arms itself every 10 minutes, like a rate(10 minutes) rule
    std::function<void(events::scheduler::time_point)> fire;
    fire = [&](events::scheduler::time_point due) {
        {
            std::lock_guard lock(m);
            fired_minutes.push_back(duration_cast<minutes>(due - start).count());
        }
        sched.arm("rule", due + minutes(10), fire);
    };
    sched.arm("rule", start + minutes(10), fire);

    CHECK(sched.run_due() == 0);
    clock.advance(minutes(35));
    sched.run_due(); // fires what the scheduler thread has not fired yet, then returns
    {
        std::lock_guard lock(m);
        CHECK(fired_minutes == std::vector<long>{10, 20, 30});
    }
    sched.disarm("rule");
    clock.advance(hours(1));
    CHECK(sched.run_due() == 0);
}
