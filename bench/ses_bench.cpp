// cloudbox_ses_bench: SES SendEmail load generator for loopback servers (cloudbox and its
// peers). N keep-alive connections send SigV4-signed SendEmail requests back to back for a
// bounded time: v1 (query form to /) or v2 (JSON to /v2/email/outbound-emails). Reports
// messages/s, latency percentiles and errors, as text or one JSON object per mode.
#include "bench_client.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using namespace cloudbox::bench;
using clock_type = std::chrono::steady_clock;

struct options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::vector<std::string> modes{"v1", "v2"};
    unsigned connections = 8;
    double seconds = 5;
    unsigned warmup = 20;
    std::string access_key = "test";
    std::string secret_key = "test";
    std::string region = "us-east-1";
    std::string label;
    bool json = false;
    bool verify = true; // verify the sender and recipient first (--no-verify: the peer lacks it)
};

void usage(FILE* out) {
    std::fputs("usage: cloudbox_ses_bench --port N [options]\n"
               "  --host ADDR       target (loopback only; default 127.0.0.1)\n"
               "  --mode LIST       comma list of v1,v2 (default v1,v2)\n"
               "  --connections N   concurrent keep-alive connections (default 8)\n"
               "  --seconds S       measured time per mode (default 5)\n"
               "  --warmup N        untimed sends per connection first (default 20)\n"
               "  --access-key K --secret-key S --region R   SigV4 credentials\n"
               "  --label NAME      server name in the report\n"
               "  --json            one JSON object per mode instead of text\n"
               "  --no-verify       skip VerifyEmailIdentity (aws-ses-v2-local never answers "
               "it)\n",
               out);
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

// One SendEmail body: a short text+HTML message, the subject numbered per worker and request.
std::string v1_body(unsigned worker, std::uint64_t seq) {
    return "Action=SendEmail&Version=2010-12-01&Source=bench%40example.com"
           "&Destination.ToAddresses.member.1=rcpt%40example.com"
           "&Message.Subject.Data=bench+" +
           std::to_string(worker) + "-" + std::to_string(seq) +
           "&Message.Body.Text.Data=Hello+from+the+benchmark"
           "&Message.Body.Html.Data=%3Cp%3EHello+from+the+benchmark%3C%2Fp%3E";
}
std::string v2_body(unsigned worker, std::uint64_t seq) {
    return R"({"FromEmailAddress":"bench@example.com","Destination":{"ToAddresses":)"
           R"(["rcpt@example.com"]},"Content":{"Simple":{"Subject":{"Data":"bench )" +
           std::to_string(worker) + "-" + std::to_string(seq) +
           R"("},"Body":{"Text":{"Data":"Hello from the benchmark"},)"
           R"("Html":{"Data":"<p>Hello from the benchmark</p>"}}}}})";
}

struct phase_result {
    std::string mode;
    std::uint64_t ops = 0, errors = 0;
    double seconds = 0, p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0;
    std::string first_error;
};

double percentile_ms(const std::vector<std::uint64_t>& sorted, double q) {
    if (sorted.empty()) {
        return 0;
    }
    auto rank = static_cast<std::size_t>(q * static_cast<double>(sorted.size()) + 0.999999);
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return static_cast<double>(sorted[rank - 1]) / 1e6;
}

phase_result run(const options& o, const std::string& mode) {
    const bool v2 = mode == "v2";
    const unsigned n = o.connections;
    std::vector<std::vector<std::uint64_t>> latencies(n);
    std::vector<std::uint64_t> errors(n, 0);
    std::vector<std::string> first_errors(n);
    std::latch go(n + 1);
    auto worker = [&](unsigned id) {
        s3_connection conn(o.host, o.port,
                           sigv4_signer(o.access_key, o.secret_key, o.region, "ses"));
        auto one = [&](std::uint64_t seq, bool timed) {
            std::string body = v2 ? v2_body(id, seq) : v1_body(id, seq);
            request_body rb{body,
                            0,
                            {},
                            v2 ? "application/json"
                               : "application/x-www-form-urlencoded; charset=utf-8"};
            auto start = clock_type::now();
            auto info = conn.request("POST", v2 ? "/v2/email/outbound-emails" : "/", rb);
            auto ns =
                std::chrono::duration_cast<std::chrono::nanoseconds>(clock_type::now() - start)
                    .count();
            if (info.status != 200) {
                ++errors[id];
                if (first_errors[id].empty()) {
                    first_errors[id] = "HTTP " + std::to_string(info.status) + " " + info.error;
                }
            } else if (timed) {
                latencies[id].push_back(static_cast<std::uint64_t>(ns));
            }
        };
        for (unsigned w = 0; w < o.warmup; ++w) {
            one(1000000 + w, false);
        }
        errors[id] = 0;
        go.arrive_and_wait();
        auto deadline = clock_type::now() + std::chrono::duration<double>(o.seconds);
        for (std::uint64_t seq = 0; clock_type::now() < deadline; ++seq) {
            one(seq, true);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < n; ++i) {
        threads.emplace_back(worker, i);
    }
    go.arrive_and_wait();
    auto start = clock_type::now();
    for (auto& t : threads) {
        t.join();
    }
    phase_result out;
    out.mode = mode;
    out.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    std::vector<std::uint64_t> all;
    for (unsigned i = 0; i < n; ++i) {
        all.insert(all.end(), latencies[i].begin(), latencies[i].end());
        out.errors += errors[i];
        if (out.first_error.empty()) {
            out.first_error = first_errors[i];
        }
    }
    std::sort(all.begin(), all.end());
    out.ops = all.size();
    out.p50_ms = percentile_ms(all, 0.50);
    out.p90_ms = percentile_ms(all, 0.90);
    out.p99_ms = percentile_ms(all, 0.99);
    out.max_ms = all.empty() ? 0 : static_cast<double>(all.back()) / 1e6;
    return out;
}

std::string json_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage(stderr);
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--host") {
            o.host = value();
        } else if (arg == "--port") {
            o.port = static_cast<std::uint16_t>(std::stoi(value()));
        } else if (arg == "--mode") {
            o.modes = split_modes(value());
        } else if (arg == "--connections") {
            o.connections = static_cast<unsigned>(std::stoi(value()));
        } else if (arg == "--seconds") {
            o.seconds = std::stod(value());
        } else if (arg == "--warmup") {
            o.warmup = static_cast<unsigned>(std::stoi(value()));
        } else if (arg == "--access-key") {
            o.access_key = value();
        } else if (arg == "--secret-key") {
            o.secret_key = value();
        } else if (arg == "--region") {
            o.region = value();
        } else if (arg == "--label") {
            o.label = value();
        } else if (arg == "--json") {
            o.json = true;
        } else if (arg == "--no-verify") {
            o.verify = false;
        } else {
            usage(arg == "--help" ? stdout : stderr);
            return arg == "--help" ? 0 : 2;
        }
    }
    if (o.port == 0 || o.connections == 0 || !is_loopback(o.host)) {
        std::fputs("cloudbox_ses_bench: --port is required and the host must be loopback\n",
                   stderr);
        return 2;
    }
    if (o.verify) {
        // Peers that enforce verification (moto) need the sender and recipient verified first.
        s3_connection setup(o.host, o.port,
                            sigv4_signer(o.access_key, o.secret_key, o.region, "ses"));
        for (const char* address : {"bench%40example.com", "rcpt%40example.com"}) {
            std::string body = std::string("Action=VerifyEmailIdentity&Version=2010-12-01"
                                           "&EmailAddress=") +
                               address;
            setup.request("POST", "/",
                          request_body{body, 0, {}, "application/x-www-form-urlencoded"});
        }
    }
    for (const auto& mode : o.modes) {
        if (mode != "v1" && mode != "v2") {
            std::fprintf(stderr, "cloudbox_ses_bench: unknown mode %s\n", mode.c_str());
            return 2;
        }
        phase_result r = run(o, mode);
        double rate = r.seconds > 0 ? static_cast<double>(r.ops) / r.seconds : 0;
        if (o.json) {
            std::printf("{\"label\":\"%s\",\"mode\":\"%s\",\"connections\":%u,\"ops\":%llu,"
                        "\"seconds\":%.3f,\"ops_per_s\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,"
                        "\"p99_ms\":%.3f,\"max_ms\":%.3f,\"errors\":%llu,\"first_error\":\"%s\"}\n",
                        json_escape(o.label).c_str(), r.mode.c_str(), o.connections,
                        static_cast<unsigned long long>(r.ops), r.seconds, rate, r.p50_ms, r.p90_ms,
                        r.p99_ms, r.max_ms, static_cast<unsigned long long>(r.errors),
                        json_escape(r.first_error).c_str());
        } else {
            std::printf("%-14s SendEmail %s  %8.0f msg/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms"
                        "  errors %llu %s\n",
                        o.label.c_str(), r.mode.c_str(), rate, r.p50_ms, r.p90_ms, r.p99_ms,
                        static_cast<unsigned long long>(r.errors), r.first_error.c_str());
        }
        std::fflush(stdout);
    }
    return 0;
}
