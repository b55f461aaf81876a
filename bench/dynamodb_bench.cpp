// cloudbox_dynamodb_bench: DynamoDB load over HTTP (SigV4-signed keep-alive POSTs) against one
// endpoint: PutItem, GetItem, Query (100 items per partition) and BatchWriteItem (25 items),
// from several concurrent connections; prints ops/s and p50/p99 latency per mode as one line of
// JSON each. Usage: cloudbox_dynamodb_bench --port N [--host H] [--connections C] [--seconds S]
// [--modes put,get,query,batch,limits] [--table NAME]; limits (DescribeLimits) touches no table:
// it measures the HTTP + dispatch floor that every operation pays.
#include "bench_client.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace cloudbox::bench;
using clock_type = std::chrono::steady_clock;

namespace {

struct options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    int connections = 8;
    double seconds = 5;
    std::string modes = "put,get,query,batch";
    std::string table = "bench";
};

const std::vector<std::pair<std::string, std::string>>& headers_for(const std::string& op) {
    static thread_local std::vector<std::pair<std::string, std::string>> h;
    h = {{"Content-Type", "application/x-amz-json-1.0"},
         {"X-Amz-Target", "DynamoDB_20120810." + op}};
    return h;
}

s3_connection connect(const options& o) {
    return s3_connection(o.host, o.port,
                         sigv4_signer("AKIDBENCH", "secret", "us-east-1", "dynamodb"));
}

bool call(s3_connection& c, const std::string& op, const std::string& body) {
    auto r = c.request("POST", "/", request_body{body, 0, {}}, headers_for(op));
    if (r.status != 200) {
        std::fprintf(stderr, "%s failed: %d %s\n", op.c_str(), r.status, r.error.c_str());
        return false;
    }
    return true;
}

std::string item_json(int partition, int sort) {
    return R"({"pk":{"S":"p)" + std::to_string(partition) + R"("},"sk":{"N":")" +
           std::to_string(sort) + R"("},"payload":{"S":")" + std::string(200, 'x') +
           R"("},"n":{"N":"12345.678"}})";
}

bool setup(const options& o) {
    auto c = connect(o);
    std::string create = R"({"TableName":")" + o.table +
                         R"(","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},)"
                         R"({"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[)"
                         R"({"AttributeName":"pk","KeyType":"HASH"},)"
                         R"({"AttributeName":"sk","KeyType":"RANGE"}],)"
                         R"("BillingMode":"PAY_PER_REQUEST"})";
    c.request("POST", "/", request_body{create, 0, {}}, headers_for("CreateTable"));
    // 10 partitions of 100 items for GetItem and Query.
    for (int p = 0; p < 10; ++p) {
        for (int s = 0; s < 100; s += 25) {
            std::string batch = R"({"RequestItems":{")" + o.table + R"(":[)";
            for (int k = s; k < s + 25; ++k) {
                batch += (k > s ? "," : "") + std::string(R"({"PutRequest":{"Item":)") +
                         item_json(p, k) + "}}";
            }
            batch += "]}}";
            // Peers create tables asynchronously (CREATING): retry for up to 10 s.
            bool done = false;
            for (int attempt = 0; attempt < 100 && !done; ++attempt) {
                auto r = c.request("POST", "/", request_body{batch, 0, {}},
                                   headers_for("BatchWriteItem"));
                done = r.status == 200;
                if (!done) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                }
            }
            if (!done) {
                std::fprintf(stderr, "setup: BatchWriteItem keeps failing\n");
                return false;
            }
        }
    }
    return true;
}

std::string request_for(const options& o, const std::string& mode, int worker, std::uint64_t i) {
    if (mode == "put") {
        return R"({"TableName":")" + o.table + R"(","Item":)" +
               item_json(1000 + worker, static_cast<int>(i)) + "}";
    }
    if (mode == "get") {
        return R"({"TableName":")" + o.table + R"(","Key":{"pk":{"S":"p)" + std::to_string(i % 10) +
               R"("},"sk":{"N":")" + std::to_string(i % 100) + R"("}}})";
    }
    if (mode == "limits") {
        return "{}";
    }
    if (mode == "query") {
        return R"({"TableName":")" + o.table +
               R"(","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p)" +
               std::to_string(i % 10) + R"("}}})";
    }
    std::string batch = R"({"RequestItems":{")" + o.table + R"(":[)";
    for (int k = 0; k < 25; ++k) {
        batch += (k > 0 ? "," : "") + std::string(R"({"PutRequest":{"Item":)") +
                 item_json(2000 + worker, static_cast<int>(i * 25 + k)) + "}}";
    }
    return batch + "]}}";
}

std::string operation_of(const std::string& mode) {
    return mode == "put"      ? "PutItem"
           : mode == "get"    ? "GetItem"
           : mode == "query"  ? "Query"
           : mode == "limits" ? "DescribeLimits"
                              : "BatchWriteItem";
}

void run_mode(const options& o, const std::string& mode) {
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> errors{0};
    std::vector<std::vector<double>> latencies(o.connections);
    std::vector<std::thread> workers;
    auto start = clock_type::now();
    for (int w = 0; w < o.connections; ++w) {
        workers.emplace_back([&, w] {
            auto c = connect(o);
            const std::string op = operation_of(mode);
            for (std::uint64_t i = 0; !stop.load(std::memory_order_relaxed); ++i) {
                std::string body = request_for(o, mode, w, i);
                auto t0 = clock_type::now();
                if (!call(c, op, body)) {
                    ++errors;
                }
                latencies[w].push_back(
                    std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
    stop = true;
    for (auto& t : workers) {
        t.join();
    }
    double elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
    std::vector<double> all;
    for (auto& l : latencies) {
        all.insert(all.end(), l.begin(), l.end());
    }
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) {
        return all.empty()
                   ? 0.0
                   : all[std::min(all.size() - 1, static_cast<std::size_t>(p * all.size()))];
    };
    std::printf("{\"mode\":\"%s\",\"ops\":%zu,\"ops_per_s\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
                "\"errors\":%llu}\n",
                mode.c_str(), all.size(), static_cast<double>(all.size()) / elapsed, pct(0.5),
                pct(0.99), static_cast<unsigned long long>(errors.load()));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        std::string v = argv[i + 1];
        if (a == "--host") {
            o.host = v;
        } else if (a == "--port") {
            o.port = static_cast<std::uint16_t>(std::stoi(v));
        } else if (a == "--connections") {
            o.connections = std::stoi(v);
        } else if (a == "--seconds") {
            o.seconds = std::stod(v);
        } else if (a == "--modes") {
            o.modes = v;
        } else if (a == "--table") {
            o.table = v;
        } else {
            std::fprintf(stderr, "cloudbox_dynamodb_bench: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    if (o.port == 0 || !is_loopback(o.host)) {
        std::fprintf(stderr, "cloudbox_dynamodb_bench: --port needed; loopback hosts only\n");
        return 2;
    }
    if (!setup(o)) {
        return 1;
    }
    std::size_t start = 0;
    while (start <= o.modes.size()) {
        auto end = o.modes.find(',', start);
        if (end == std::string::npos) {
            end = o.modes.size();
        }
        run_mode(o, o.modes.substr(start, end - start));
        start = end + 1;
    }
    return 0;
}
