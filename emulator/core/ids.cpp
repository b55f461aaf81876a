// Identifier generation: a per-thread xoshiro-style generator seeded from one global seed.
#include "core/ids.hpp"

#include <atomic>
#include <random>

namespace cloudbox::core {

namespace {
std::atomic<std::uint64_t> global_seed{0};
std::atomic<std::uint64_t> thread_counter{0};

std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t next_random() {
    thread_local std::uint64_t state = [] {
        std::uint64_t seed = global_seed.load();
        if (seed == 0) {
            std::random_device rd;
            seed = (std::uint64_t{rd()} << 32) ^ rd();
        }
        return seed + thread_counter.fetch_add(1) * 0x632BE59BD9B4E019ULL;
    }();
    return splitmix(state);
}
} // namespace

void seed_ids(std::uint64_t seed) {
    global_seed = seed;
}

std::string random_hex(std::size_t bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        if (i % 8 == 0) {
            word = next_random();
        }
        auto byte = static_cast<unsigned>(word & 0xFF);
        word >>= 8;
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0xF]);
    }
    return out;
}

std::string new_uuid() {
    std::string h = random_hex(16);
    h[12] = '4';
    h[16] = "89ab"[static_cast<unsigned char>(h[16]) % 4];
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20, 12);
}

std::string new_request_id() {
    return new_uuid();
}

} // namespace cloudbox::core
