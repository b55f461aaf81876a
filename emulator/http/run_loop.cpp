#include "http/run_loop.hpp"

#include <sched.h>

namespace cloudbox::http {

void run_polling(boost::asio::io_context& ctx, std::chrono::microseconds spin,
                 std::atomic<int>& spinners, int max_spinners) {
    if (spin.count() <= 0) {
        ctx.run();
        return;
    }
    using clock = std::chrono::steady_clock;
    while (!ctx.stopped()) {
        // Block for the next piece of work, then poll until the context stays idle for `spin`.
        if (ctx.run_one() == 0) {
            break; // stopped, or out of work
        }
        if (spinners.fetch_add(1, std::memory_order_relaxed) >= max_spinners) {
            spinners.fetch_sub(1, std::memory_order_relaxed);
            continue;
        }
        auto idle_since = clock::now();
        while (!ctx.stopped()) {
            if (ctx.poll() > 0) {
                idle_since = clock::now();
                continue;
            }
            if (clock::now() - idle_since >= spin) {
                break;
            }
            sched_yield(); // a runnable thread on this core goes first
        }
        spinners.fetch_sub(1, std::memory_order_relaxed);
    }
}

} // namespace cloudbox::http
