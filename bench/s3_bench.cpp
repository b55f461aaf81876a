// cloudbox_s3_bench: S3 load generator for loopback servers (cloudbox and its peers). N keep-alive
// connections PUT or GET small SigV4-signed objects for a bounded time or count, or one large
// object is streamed up and down; reports ops/s, latency percentiles, MB/s and errors.
#include "bench_client.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <latch>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace {

using namespace cloudbox::bench;
using clock_type = std::chrono::steady_clock;

struct options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string bucket = "cloudbox-bench";
    std::vector<std::string> modes{"put", "get"};
    unsigned connections = 8;
    std::uint64_t size = 1024;
    double seconds = 5;
    std::int64_t requests = 0; // 0: bounded by time only
    unsigned keys = 1000;
    unsigned warmup = 50; // untimed requests per connection before each measured phase
    std::uint64_t stream_size = 1ULL << 30;
    std::uint64_t chunk = 1ULL << 20;
    std::string access_key = "test";
    std::string secret_key = "test";
    std::string region = "us-east-1";
    std::string label;
    double timeout = 300; // hard limit for the whole process
    bool json = false;
    bool create_bucket = true;
};

void usage(FILE* out) {
    std::fputs(
        "usage: cloudbox_s3_bench --port N [options]\n"
        "  --host ADDR          target (loopback only; default 127.0.0.1)\n"
        "  --mode LIST          comma list of put,get,stream (default put,get)\n"
        "  --connections N      concurrent keep-alive connections (default 8)\n"
        "  --size BYTES         object size for put/get, K/M/G suffixes (default 1K)\n"
        "  --seconds S          measured time per put/get phase (default 5)\n"
        "  --requests N         stop after N requests instead (whichever comes first)\n"
        "  --keys N             objects preloaded for get (default 1000)\n"
        "  --warmup N           untimed requests per connection first (default 50)\n"
        "  --stream-size BYTES  object size for stream (default 1G)\n"
        "  --chunk BYTES        stream write chunk (default 1M)\n"
        "  --bucket NAME        bucket (default cloudbox-bench; created unless --no-create)\n"
        "  --access-key K --secret-key S --region R   SigV4 credentials (default test/test)\n"
        "  --label NAME         server name in the report\n"
        "  --timeout S          hard limit for the whole run (default 300)\n"
        "  --json               print one JSON object instead of text\n"
        "  --self-test          check the SigV4 signer against AWS's published example\n",
        out);
}

bool parse_size(std::string_view text, std::uint64_t& out) {
    if (text.empty()) {
        return false;
    }
    std::uint64_t mult = 1;
    char last = text.back();
    if (last == 'K' || last == 'k') {
        mult = 1ULL << 10;
    } else if (last == 'M' || last == 'm') {
        mult = 1ULL << 20;
    } else if (last == 'G' || last == 'g') {
        mult = 1ULL << 30;
    }
    if (mult != 1) {
        text.remove_suffix(1);
    }
    std::string s(text);
    char* end = nullptr;
    unsigned long long v = std::strtoull(s.c_str(), &end, 10);
    if (s.empty() || end != s.c_str() + s.size()) {
        return false;
    }
    out = v * mult;
    return true;
}

std::vector<std::string> split_modes(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        auto comma = text.find(',');
        out.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return out;
}

// AWS's documented GetObject example (S3 API reference, "Signature Calculations for the
// Authorization Header"): the signature must come out exactly as published.
int self_test() {
    sigv4_signer signer("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "us-east-1", "s3");
    std::string empty_sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    std::string auth = signer.authorization("GET", "/test.txt", "",
                                            {{"host", "examplebucket.s3.amazonaws.com"},
                                             {"range", "bytes=0-9"},
                                             {"x-amz-content-sha256", empty_sha},
                                             {"x-amz-date", "20130524T000000Z"}},
                                            empty_sha, "20130524T000000Z");
    std::string want = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                       "aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                       "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    if (auth != want) {
        std::fprintf(stderr, "sigv4 self-test FAILED\n got: %s\nwant: %s\n", auth.c_str(),
                     want.c_str());
        return 1;
    }
    std::puts("sigv4 self-test passed");
    return 0;
}

struct worker_result {
    std::vector<std::uint64_t> latency_ns;
    std::uint64_t errors = 0;
    std::string first_error;
};

void note_error(worker_result& r, const response_info& info, std::string_view what) {
    ++r.errors;
    if (r.first_error.empty()) {
        r.first_error = std::string(what) + " -> " +
                        (info.status ? "HTTP " + std::to_string(info.status) + " " : "") +
                        info.error;
    }
}

struct phase_result {
    std::string mode;
    std::uint64_t ops = 0;
    std::uint64_t errors = 0;
    double seconds = 0;
    double p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0, mean_ms = 0;
    double client_cpu_us = 0; // the load generator's CPU per measured request
    std::string first_error;
    // stream only
    std::uint64_t bytes = 0;
    double put_mb_s = 0, get_mb_s = 0, put_seconds = 0, get_seconds = 0;
};

double percentile_ms(const std::vector<std::uint64_t>& sorted, double q) {
    if (sorted.empty()) {
        return 0;
    }
    auto rank = static_cast<std::size_t>(q * static_cast<double>(sorted.size()) + 0.999999);
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return static_cast<double>(sorted[rank - 1]) / 1e6;
}

// This process's user+system CPU seconds: the client's own cost, reported per request.
double process_cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto secs = [](const timeval& tv) {
        return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
    };
    return secs(ru.ru_utime) + secs(ru.ru_stime);
}

std::string nonce() {
    auto t = std::chrono::system_clock::now().time_since_epoch();
    return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(t).count());
}

s3_connection connect_to(const options& o) {
    return s3_connection(o.host, o.port, sigv4_signer(o.access_key, o.secret_key, o.region, "s3"));
}

// put/get: every connection issues requests back to back until the time or count runs out.
phase_result run_small(const options& o, const std::string& mode) {
    const bool is_get = mode == "get";
    const std::string payload = [&] {
        std::string p(o.size, '\0');
        for (std::size_t i = 0; i < p.size(); ++i) {
            p[i] = static_cast<char>('a' + i % 26);
        }
        return p;
    }();
    const std::string prefix = "/" + o.bucket + "/bench/" + mode + "-" + nonce() + "/";
    const unsigned n = o.connections;
    std::vector<worker_result> results(n);
    std::latch loaded(n);
    std::latch go(n + 1);
    std::atomic<std::int64_t> budget(o.requests > 0 ? o.requests : INT64_MAX);
    std::atomic<bool> setup_failed(false);

    auto worker = [&](unsigned id) {
        auto conn = connect_to(o);
        worker_result& r = results[id];
        request_body body{payload, 0, {}};
        auto get_key = [&](std::uint64_t seq) {
            return prefix + std::to_string((id + seq * n) % o.keys);
        };
        auto one = [&](std::uint64_t seq, bool timed) {
            auto start = clock_type::now();
            response_info info;
            if (is_get) {
                std::string key = get_key(seq);
                info = conn.request("GET", key);
                if (info.status == 200 && info.body != o.size) {
                    info.status = 0;
                    info.error = "short body " + std::to_string(info.body);
                }
                if (info.status != 200) {
                    note_error(r, info, "GET " + key);
                }
            } else {
                std::string key =
                    prefix + (timed ? "" : "w") + std::to_string(id) + "/" + std::to_string(seq);
                info = conn.request("PUT", key, body);
                if (info.status != 200) {
                    note_error(r, info, "PUT " + key);
                }
            }
            if (timed) {
                r.latency_ns.push_back(static_cast<std::uint64_t>(
                    std::chrono::duration_cast<std::chrono::nanoseconds>(clock_type::now() - start)
                        .count()));
            }
        };
        if (is_get) { // preload the key space, shared out between the connections
            for (unsigned k = id; k < o.keys; k += n) {
                auto info = conn.request("PUT", prefix + std::to_string(k), body);
                if (info.status != 200) {
                    note_error(r, info, "preload PUT");
                    setup_failed = true;
                    break;
                }
            }
        }
        loaded.arrive_and_wait();
        for (unsigned w = 0; w < o.warmup && !setup_failed; ++w) {
            one(w, false);
        }
        r.errors = 0; // warm-up errors show in first_error only
        r.latency_ns.reserve(1 << 16);
        go.arrive_and_wait();
        if (setup_failed) {
            return;
        }
        auto deadline = clock_type::now() + std::chrono::duration<double>(o.seconds);
        for (std::uint64_t seq = 0; clock_type::now() < deadline; ++seq) {
            if (budget.fetch_sub(1) <= 0) {
                break;
            }
            one(seq, true);
        }
    };

    std::vector<std::thread> threads;
    for (unsigned i = 0; i < n; ++i) {
        threads.emplace_back(worker, i);
    }
    go.arrive_and_wait();
    auto start = clock_type::now();
    double cpu0 = process_cpu_seconds();
    for (auto& t : threads) {
        t.join();
    }
    phase_result out;
    out.mode = mode;
    out.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    double cpu = process_cpu_seconds() - cpu0;
    std::vector<std::uint64_t> all;
    for (auto& r : results) {
        all.insert(all.end(), r.latency_ns.begin(), r.latency_ns.end());
        out.errors += r.errors;
        if (out.first_error.empty()) {
            out.first_error = r.first_error;
        }
    }
    if (setup_failed && out.errors == 0) {
        out.errors = 1;
    }
    std::sort(all.begin(), all.end());
    out.ops = all.size();
    out.p50_ms = percentile_ms(all, 0.50);
    out.p90_ms = percentile_ms(all, 0.90);
    out.p99_ms = percentile_ms(all, 0.99);
    out.max_ms = all.empty() ? 0 : static_cast<double>(all.back()) / 1e6;
    double sum = 0;
    for (auto v : all) {
        sum += static_cast<double>(v);
    }
    out.mean_ms = all.empty() ? 0 : sum / static_cast<double>(all.size()) / 1e6;
    out.client_cpu_us = all.empty() ? 0 : cpu * 1e6 / static_cast<double>(all.size());
    return out;
}

// stream: one PUT of stream_size bytes written from a reused in-memory chunk, then one GET whose
// body is read and discarded; the object is deleted afterwards (untimed).
phase_result run_stream(const options& o) {
    std::string pattern(o.chunk, '\0');
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        pattern[i] = static_cast<char>(i * 131 + 7);
    }
    auto conn = connect_to(o);
    std::string key = "/" + o.bucket + "/bench/stream-" + nonce();
    phase_result out;
    out.mode = "stream";
    out.bytes = o.stream_size;
    worker_result r;
    auto t0 = clock_type::now();
    auto put = conn.request("PUT", key, request_body{{}, o.stream_size, pattern});
    auto t1 = clock_type::now();
    if (put.status != 200) {
        note_error(r, put, "stream PUT");
    } else {
        auto get = conn.request("GET", key);
        auto t2 = clock_type::now();
        if (get.status != 200 || get.body != o.stream_size) {
            note_error(r, get, "stream GET (" + std::to_string(get.body) + " bytes)");
        }
        out.get_seconds = std::chrono::duration<double>(t2 - t1).count();
        out.get_mb_s = static_cast<double>(get.body) / 1e6 / out.get_seconds;
        conn.request("DELETE", key);
    }
    out.put_seconds = std::chrono::duration<double>(t1 - t0).count();
    out.put_mb_s =
        put.status == 200 ? static_cast<double>(o.stream_size) / 1e6 / out.put_seconds : 0;
    out.errors = r.errors;
    out.first_error = r.first_error;
    return out;
}

std::string json_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void print_text(const options& o, const phase_result& p) {
    if (p.mode == "stream") {
        std::printf("%-7s %s stream %.0f MiB: PUT %.1f MB/s (%.2f s), GET %.1f MB/s (%.2f s), "
                    "errors %llu\n",
                    o.label.c_str(), p.mode.c_str(), static_cast<double>(p.bytes) / (1 << 20),
                    p.put_mb_s, p.put_seconds, p.get_mb_s, p.get_seconds,
                    static_cast<unsigned long long>(p.errors));
    } else {
        std::printf("%-7s %-4s %u conns, %llu B: %llu ops in %.2f s = %.0f ops/s; latency ms "
                    "p50 %.3f p90 %.3f p99 %.3f max %.3f; client CPU %.1f us/req; errors %llu\n",
                    o.label.c_str(), p.mode.c_str(), o.connections,
                    static_cast<unsigned long long>(o.size), static_cast<unsigned long long>(p.ops),
                    p.seconds, static_cast<double>(p.ops) / p.seconds, p.p50_ms, p.p90_ms, p.p99_ms,
                    p.max_ms, p.client_cpu_us, static_cast<unsigned long long>(p.errors));
    }
    if (!p.first_error.empty()) {
        std::printf("        first error: %s\n", p.first_error.c_str());
    }
}

void print_json(const options& o, const std::vector<phase_result>& phases) {
    std::printf("{\"label\":\"%s\",\"connections\":%u,\"size\":%llu,\"results\":{",
                json_escape(o.label).c_str(), o.connections,
                static_cast<unsigned long long>(o.size));
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const auto& p = phases[i];
        std::printf("%s\"%s\":{\"errors\":%llu,\"first_error\":\"%s\",", i ? "," : "",
                    p.mode.c_str(), static_cast<unsigned long long>(p.errors),
                    json_escape(p.first_error).c_str());
        if (p.mode == "stream") {
            std::printf("\"bytes\":%llu,\"put_seconds\":%.3f,\"put_mb_s\":%.1f,"
                        "\"get_seconds\":%.3f,\"get_mb_s\":%.1f}",
                        static_cast<unsigned long long>(p.bytes), p.put_seconds, p.put_mb_s,
                        p.get_seconds, p.get_mb_s);
        } else {
            std::printf("\"ops\":%llu,\"seconds\":%.3f,\"ops_per_s\":%.1f,\"p50_ms\":%.4f,"
                        "\"p90_ms\":%.4f,\"p99_ms\":%.4f,\"max_ms\":%.4f,\"mean_ms\":%.4f,"
                        "\"client_cpu_us\":%.1f}",
                        static_cast<unsigned long long>(p.ops), p.seconds,
                        static_cast<double>(p.ops) / p.seconds, p.p50_ms, p.p90_ms, p.p99_ms,
                        p.max_ms, p.mean_ms, p.client_cpu_us);
        }
    }
    std::printf("}}\n");
}

bool parse_args(int argc, char** argv, options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "cloudbox_s3_bench: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        auto number = [&](double& out) {
            std::string v(value());
            char* end = nullptr;
            out = std::strtod(v.c_str(), &end);
            return !v.empty() && end == v.c_str() + v.size() && out >= 0;
        };
        bool ok = true;
        double d = 0;
        std::uint64_t u = 0;
        if (arg == "--host") {
            o.host = value();
        } else if (arg == "--port") {
            ok = number(d) && d > 0 && d < 65536;
            o.port = static_cast<std::uint16_t>(d);
        } else if (arg == "--mode") {
            o.modes = split_modes(value());
        } else if (arg == "--connections") {
            ok = number(d) && d >= 1 && d <= 1024;
            o.connections = static_cast<unsigned>(d);
        } else if (arg == "--size") {
            ok = parse_size(value(), o.size);
        } else if (arg == "--seconds") {
            ok = number(o.seconds) && o.seconds > 0;
        } else if (arg == "--requests") {
            ok = parse_size(value(), u);
            o.requests = static_cast<std::int64_t>(u);
        } else if (arg == "--keys") {
            ok = number(d) && d >= 1;
            o.keys = static_cast<unsigned>(d);
        } else if (arg == "--warmup") {
            ok = number(d);
            o.warmup = static_cast<unsigned>(d);
        } else if (arg == "--stream-size") {
            ok = parse_size(value(), o.stream_size) && o.stream_size > 0;
        } else if (arg == "--chunk") {
            ok = parse_size(value(), o.chunk) && o.chunk > 0;
        } else if (arg == "--bucket") {
            o.bucket = value();
        } else if (arg == "--access-key") {
            o.access_key = value();
        } else if (arg == "--secret-key") {
            o.secret_key = value();
        } else if (arg == "--region") {
            o.region = value();
        } else if (arg == "--label") {
            o.label = value();
        } else if (arg == "--timeout") {
            ok = number(o.timeout) && o.timeout > 0;
        } else if (arg == "--json") {
            o.json = true;
        } else if (arg == "--no-create") {
            o.create_bucket = false;
        } else {
            std::fprintf(stderr, "cloudbox_s3_bench: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return false;
        }
        if (!ok) {
            std::fprintf(stderr, "cloudbox_s3_bench: invalid value for %s\n", argv[i - 1]);
            return false;
        }
    }
    for (const auto& m : o.modes) {
        if (m != "put" && m != "get" && m != "stream") {
            std::fprintf(stderr, "cloudbox_s3_bench: unknown mode '%s'\n", m.c_str());
            return false;
        }
    }
    if (o.port == 0) {
        std::fprintf(stderr, "cloudbox_s3_bench: --port is required\n");
        return false;
    }
    if (!is_loopback(o.host)) {
        std::fprintf(stderr, "cloudbox_s3_bench: refusing non-loopback target '%s'\n",
                     o.host.c_str());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            usage(stdout);
            return 0;
        }
        if (a == "--self-test") {
            return self_test();
        }
    }
    options o;
    if (!parse_args(argc, argv, o)) {
        return 2;
    }
    if (o.label.empty()) {
        o.label = o.host + ":" + std::to_string(o.port);
    }
    // A stuck server must not hang the run: the whole process has a hard deadline.
    std::thread([limit = o.timeout] {
        std::this_thread::sleep_for(std::chrono::duration<double>(limit));
        std::fprintf(stderr, "cloudbox_s3_bench: timed out after %.0f s\n", limit);
        std::_Exit(3);
    }).detach();

    if (o.create_bucket) {
        auto conn = connect_to(o);
        auto info = conn.request("PUT", "/" + o.bucket);
        if (info.status != 200 && info.status != 409) {
            std::fprintf(stderr, "cloudbox_s3_bench: CreateBucket failed: %s%s\n",
                         info.status ? ("HTTP " + std::to_string(info.status) + " ").c_str() : "",
                         info.error.c_str());
            return 1;
        }
    }
    std::vector<phase_result> phases;
    for (const auto& mode : o.modes) {
        phases.push_back(mode == "stream" ? run_stream(o) : run_small(o, mode));
        if (!o.json) {
            print_text(o, phases.back());
            std::fflush(stdout);
        }
    }
    if (o.json) {
        print_json(o, phases);
    }
    bool any_errors = std::any_of(phases.begin(), phases.end(),
                                  [](const phase_result& p) { return p.errors > 0; });
    return any_errors ? 1 : 0;
}
