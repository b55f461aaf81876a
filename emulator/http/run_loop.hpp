// How a server thread runs its io_context: adaptive busy polling before sleeping.
#pragma once

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>

namespace cloudbox::http {

// Runs `ctx` until it is stopped. After its last piece of work the thread keeps polling the
// context (ready handlers and a non-blocking epoll) for `spin` before it blocks, but only while
// fewer than `max_spinners` threads share `spinners` doing so. Why: a request that arrives
// while the thread sleeps must wake it, and waking an idle CPU costs tens of microseconds (in a
// VM, a halted vCPU: loopback round trips measured 120 us sleeping against 30 us polling); a
// client's next request on a keep-alive connection usually arrives within that window. The
// cap keeps spinning threads from taking the cores from threads that have work. spin = 0 blocks
// at once, as io_context::run() does.
void run_polling(boost::asio::io_context& ctx, std::chrono::microseconds spin,
                 std::atomic<int>& spinners, int max_spinners);

} // namespace cloudbox::http
