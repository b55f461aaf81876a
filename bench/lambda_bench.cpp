// Lambda invoke load generator: N keep-alive connections POST a RequestResponse invoke of one
// function for S seconds; reports invokes/s and latency percentiles (text or JSON).
#include "bench_client.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

struct options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string path = "/2015-03-31/functions/echo/invocations";
    std::string payload = R"({"hello":"world"})";
    int connections = 8;
    double seconds = 5;
    int warmup = 50;
    std::string label = "cloudbox";
    bool json = false;
};

double percentile_ms(const std::vector<std::uint64_t>& sorted_ns, double q) {
    if (sorted_ns.empty()) {
        return 0;
    }
    auto at = static_cast<std::size_t>(q * static_cast<double>(sorted_ns.size() - 1));
    return static_cast<double>(sorted_ns[at]) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        std::string v = argv[i + 1];
        if (a == "--port") {
            o.port = static_cast<std::uint16_t>(std::stoi(v));
        } else if (a == "--host") {
            o.host = v;
        } else if (a == "--path") {
            o.path = v;
        } else if (a == "--payload") {
            o.payload = v;
        } else if (a == "--connections") {
            o.connections = std::stoi(v);
        } else if (a == "--seconds") {
            o.seconds = std::stod(v);
        } else if (a == "--warmup") {
            o.warmup = std::stoi(v);
        } else if (a == "--label") {
            o.label = v;
        } else if (a == "--json") {
            o.json = v == "1";
        } else {
            std::fprintf(stderr,
                         "usage: cloudbox_lambda_bench --port N [--path P] [--payload JSON] "
                         "[--connections N] [--seconds S] [--warmup N] [--label L] [--json 1]\n");
            return 2;
        }
    }
    if (o.port == 0 || !cloudbox::bench::is_loopback(o.host)) {
        std::fprintf(stderr, "cloudbox_lambda_bench: --port is required; loopback hosts only\n");
        return 2;
    }
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> errors{0};
    std::vector<std::vector<std::uint64_t>> latencies(static_cast<std::size_t>(o.connections));
    std::vector<std::thread> threads;
    std::atomic<int> ready{0};
    for (int c = 0; c < o.connections; ++c) {
        threads.emplace_back([&, c] {
            cloudbox::bench::s3_connection conn(
                o.host, o.port,
                cloudbox::bench::sigv4_signer("test", "test", "us-east-1", "lambda"));
            cloudbox::bench::request_body body{o.payload, 0, {}};
            for (int i = 0; i < o.warmup; ++i) {
                conn.request("POST", o.path, body);
            }
            ready.fetch_add(1);
            auto& mine = latencies[static_cast<std::size_t>(c)];
            while (!stop.load(std::memory_order_relaxed)) {
                auto t0 = std::chrono::steady_clock::now();
                auto r = conn.request("POST", o.path, body);
                auto t1 = std::chrono::steady_clock::now();
                if (r.status != 200) {
                    errors.fetch_add(1);
                    continue;
                }
                mine.push_back(static_cast<std::uint64_t>(
                    std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count()));
            }
        });
    }
    while (ready.load() < o.connections) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
    stop = true;
    for (auto& t : threads) {
        t.join();
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<std::uint64_t> all;
    for (auto& l : latencies) {
        all.insert(all.end(), l.begin(), l.end());
    }
    std::sort(all.begin(), all.end());
    double rate = static_cast<double>(all.size()) / secs;
    if (o.json) {
        std::printf("{\"label\":\"%s\",\"connections\":%d,\"invokes\":%zu,\"invokes_per_s\":%.1f,"
                    "\"p50_ms\":%.4f,\"p99_ms\":%.4f,\"errors\":%llu}\n",
                    o.label.c_str(), o.connections, all.size(), rate, percentile_ms(all, 0.5),
                    percentile_ms(all, 0.99), static_cast<unsigned long long>(errors.load()));
    } else {
        std::printf("%-20s %3d conns  %9.1f invokes/s  p50 %.3f ms  p99 %.3f ms  errors %llu\n",
                    o.label.c_str(), o.connections, rate, percentile_ms(all, 0.5),
                    percentile_ms(all, 0.99), static_cast<unsigned long long>(errors.load()));
    }
    return errors.load() > 0 && all.empty() ? 1 : 0;
}
