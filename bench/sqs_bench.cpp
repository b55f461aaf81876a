// cloudbox_sqs_bench: SQS load generator for loopback servers (cloudbox and its peers). N
// keep-alive connections speak the query protocol (which every peer serves): "send" runs
// SendMessage, "recv" runs ReceiveMessage + DeleteMessage of what it got, each for a bounded
// time; reports messages/s, latency percentiles and errors.
#include "bench_client.hpp"

#include "core/encoding.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace cloudbox::bench;
using clock_type = std::chrono::steady_clock;

struct options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string queue = "cloudbox-bench";
    std::vector<std::string> modes{"send", "recv"};
    unsigned connections = 8;
    std::size_t size = 256;
    unsigned batch = 1; // messages per request: >1 uses SendMessageBatch, DeleteMessageBatch
    double seconds = 5;
    std::string label;
    bool json = false;
};

constexpr std::string_view form = "application/x-www-form-urlencoded";

struct phase_result {
    std::uint64_t ops = 0; // messages sent (send) or received and deleted (recv)
    std::uint64_t errors = 0;
    std::string first_error;
    std::vector<double> latencies_ms; // per request
    double seconds = 0;
};

std::string between(const std::string& text, std::string_view open, std::string_view close,
                    std::size_t& from) {
    auto a = text.find(open, from);
    if (a == std::string::npos) {
        return {};
    }
    a += open.size();
    auto b = text.find(close, a);
    from = b;
    return b == std::string::npos ? std::string() : text.substr(a, b - a);
}

std::string xml_unescape(std::string s) {
    const std::pair<std::string_view, std::string_view> entities[] = {
        {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
    for (auto [from, to] : entities) {
        for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
            s.replace(p, from.size(), to);
        }
    }
    return s;
}

s3_connection connect(const options& o) {
    return s3_connection(o.host, o.port, sigv4_signer("test", "test", "us-east-1", "sqs"));
}

response_info call(s3_connection& c, const std::string& body) {
    request_body b;
    b.bytes = body;
    b.content_type = form;
    b.keep_response = true;
    return c.request("POST", "/", b);
}

phase_result run_phase(const options& o, const std::string& mode, const std::string& queue_url) {
    std::vector<phase_result> per(o.connections);
    std::latch ready(o.connections + 1);
    std::atomic<bool> stop{false};
    std::string payload(o.size, 'm');
    std::string url = cloudbox::core::url_encode(queue_url);
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < o.connections; ++i) {
        workers.emplace_back([&, i] {
            auto c = connect(o);
            auto& r = per[i];
            ready.arrive_and_wait();
            std::string send_body =
                "Action=SendMessage&Version=2012-11-05&QueueUrl=" + url + "&MessageBody=" + payload;
            if (o.batch > 1) {
                send_body = "Action=SendMessageBatch&Version=2012-11-05&QueueUrl=" + url;
                for (unsigned e = 1; e <= o.batch; ++e) {
                    auto entry = "&SendMessageBatchRequestEntry." + std::to_string(e) + ".";
                    send_body +=
                        entry + "Id=m" + std::to_string(e) + entry + "MessageBody=" + payload;
                }
            }
            std::string recv_body = "Action=ReceiveMessage&Version=2012-11-05&QueueUrl=" + url +
                                    "&MaxNumberOfMessages=" + std::to_string(o.batch);
            while (!stop.load(std::memory_order_relaxed)) {
                auto t0 = clock_type::now();
                auto res = call(c, mode == "send" ? send_body : recv_body);
                auto record = [&](const response_info& x) {
                    if (x.status != 200) {
                        if (r.errors++ == 0) {
                            r.first_error = std::to_string(x.status) + " " + x.error;
                        }
                        return false;
                    }
                    return true;
                };
                if (!record(res)) {
                    continue;
                }
                if (mode == "recv") {
                    std::vector<std::string> handles;
                    for (std::size_t pos = 0;;) {
                        auto handle = between(res.text, "<ReceiptHandle>", "</ReceiptHandle>", pos);
                        if (handle.empty()) {
                            break;
                        }
                        handles.push_back(cloudbox::core::url_encode(xml_unescape(handle)));
                    }
                    if (o.batch > 1 && !handles.empty()) {
                        auto del = "Action=DeleteMessageBatch&Version=2012-11-05&QueueUrl=" + url;
                        for (std::size_t e = 1; e <= handles.size(); ++e) {
                            auto entry =
                                "&DeleteMessageBatchRequestEntry." + std::to_string(e) + ".";
                            del += entry + "Id=d" + std::to_string(e) + entry +
                                   "ReceiptHandle=" + handles[e - 1];
                        }
                        // Counted only when every entry succeeded.
                        auto res_del = call(c, del);
                        if (record(res_del) &&
                            res_del.text.find("<BatchResultErrorEntry>") == std::string::npos) {
                            r.ops += handles.size();
                        }
                    } else {
                        for (const auto& handle : handles) {
                            auto del =
                                call(c, "Action=DeleteMessage&Version=2012-11-05&QueueUrl=" + url +
                                            "&ReceiptHandle=" + handle);
                            if (record(del)) {
                                ++r.ops;
                            }
                        }
                    }
                } else if (o.batch > 1) {
                    // Counted only when every entry was sent.
                    if (res.text.find("<BatchResultErrorEntry>") == std::string::npos) {
                        r.ops += o.batch;
                    }
                } else {
                    ++r.ops;
                }
                r.latencies_ms.push_back(
                    std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
            }
        });
    }
    ready.arrive_and_wait();
    auto start = clock_type::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
    stop = true;
    for (auto& t : workers) {
        t.join();
    }
    phase_result total;
    total.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    for (auto& r : per) {
        total.ops += r.ops;
        total.errors += r.errors;
        if (total.first_error.empty()) {
            total.first_error = r.first_error;
        }
        total.latencies_ms.insert(total.latencies_ms.end(), r.latencies_ms.begin(),
                                  r.latencies_ms.end());
    }
    std::sort(total.latencies_ms.begin(), total.latencies_ms.end());
    return total;
}

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    auto i = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[i];
}

void usage() {
    std::fputs("usage: cloudbox_sqs_bench --port N [--host 127.0.0.1] [--mode send,recv]\n"
               "  [--connections 8] [--size 256] [--batch 1] [--seconds 5] [--queue NAME]\n"
               "  [--label TEXT] [--json]\n",
               stderr);
}

} // namespace

int main(int argc, char** argv) {
    options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--host") {
            o.host = next();
        } else if (a == "--port") {
            o.port = static_cast<std::uint16_t>(std::atoi(next().c_str()));
        } else if (a == "--mode") {
            o.modes.clear();
            std::string list = next();
            for (std::size_t p = 0; p <= list.size();) {
                auto comma = list.find(',', p);
                o.modes.push_back(list.substr(p, comma - p));
                p = comma == std::string::npos ? list.size() + 1 : comma + 1;
            }
        } else if (a == "--connections") {
            o.connections = static_cast<unsigned>(std::atoi(next().c_str()));
        } else if (a == "--size") {
            o.size = static_cast<std::size_t>(std::atoll(next().c_str()));
        } else if (a == "--batch") {
            o.batch = static_cast<unsigned>(std::atoi(next().c_str()));
        } else if (a == "--seconds") {
            o.seconds = std::atof(next().c_str());
        } else if (a == "--queue") {
            o.queue = next();
        } else if (a == "--label") {
            o.label = next();
        } else if (a == "--json") {
            o.json = true;
        } else {
            usage();
            return 2;
        }
    }
    if (o.port == 0 || !is_loopback(o.host) || o.connections == 0) {
        usage();
        return 2;
    }
    auto c = connect(o);
    auto created = call(c, "Action=CreateQueue&Version=2012-11-05&QueueName=" + o.queue);
    std::size_t pos = 0;
    std::string url = between(created.text, "<QueueUrl>", "</QueueUrl>", pos);
    if (created.status != 200 || url.empty()) {
        std::fprintf(stderr, "CreateQueue failed: %d %s\n", created.status,
                     created.text.substr(0, 300).c_str());
        return 1;
    }
    for (const auto& mode : o.modes) {
        auto r = run_phase(o, mode, url);
        double rate = static_cast<double>(r.ops) / r.seconds;
        if (o.json) {
            std::printf("{\"label\":\"%s\",\"mode\":\"%s\",\"connections\":%u,\"ops\":%llu,"
                        "\"per_second\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"errors\":%llu}\n",
                        o.label.c_str(), mode.c_str(), o.connections,
                        static_cast<unsigned long long>(r.ops), rate,
                        percentile(r.latencies_ms, 0.5), percentile(r.latencies_ms, 0.99),
                        static_cast<unsigned long long>(r.errors));
        } else {
            std::printf("%-12s %-5s conns=%u  %10.0f msg/s  p50 %.3f ms  p99 %.3f ms  errors %llu"
                        " %s\n",
                        o.label.c_str(), mode.c_str(), o.connections, rate,
                        percentile(r.latencies_ms, 0.5), percentile(r.latencies_ms, 0.99),
                        static_cast<unsigned long long>(r.errors), r.first_error.c_str());
        }
        std::fflush(stdout);
    }
    return 0;
}
