// cloudbox_event_latency_bench: how long an event takes to reach its function. One at a time, it
// writes to a source (an S3 PUT into a bucket notifying the function, an SQS send to a mapped
// queue, or a PutItem into a table whose stream is mapped), noting the wall-clock time just
// before the request is sent; the `startStamp` function logs the wall-clock time it started and
// what started it. After the run, the log lines (FilterLogEvents) give each event's latency.
// Between events the bench waits on POST /_cloudbox/events/drain, so each is measured alone.
// Loopback only; cloudbox only (the peers have no in-process functions to start).
#include "bench_client.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace cloudbox::bench;
using nlohmann::json;

struct options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string source = "s3"; // s3 | sqs | dynamodb
    int count = 200;
    std::string label = "cloudbox";
};

const std::string account = "000000000000";
const std::string function_arn = "arn:aws:lambda:us-east-1:" + account + ":function:stamp";

std::int64_t now_micros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One connection per signing service (the router picks the service from the credential scope).
struct client {
    s3_connection conn;
    client(const options& o, const std::string& service)
        : conn(o.host, o.port, sigv4_signer("test", "test", "us-east-1", service)) {}

    response_info call(std::string_view method, std::string_view path, const std::string& body,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
        request_body b{body, 0, {}};
        b.keep_response = true;
        auto r = conn.request(method, path, b, headers);
        if (r.status == 0 || r.status >= 300) {
            std::fprintf(stderr, "%.*s %.*s: %d %s\n", static_cast<int>(method.size()),
                         method.data(), static_cast<int>(path.size()), path.data(), r.status,
                         r.error.c_str());
            std::exit(1);
        }
        return r;
    }
    json target(const std::string& target, const json& input, const char* content_type) {
        auto r = call("POST", "/", input.dump(),
                      {{"X-Amz-Target", target}, {"Content-Type", content_type}});
        return r.text.empty() ? json::object() : json::parse(r.text);
    }
};

void drain(client& control) {
    control.call("POST", "/_cloudbox/events/drain", "{}");
}

// The `started <micros> <mark>` lines of the function's log, by mark.
std::map<std::string, std::int64_t> started_lines(const options& o) {
    client logs(o, "logs");
    std::map<std::string, std::int64_t> out;
    json input = {{"logGroupName", "/aws/lambda/stamp"}, {"filterPattern", "started"}};
    for (;;) {
        auto page =
            logs.target("Logs_20140328.FilterLogEvents", input, "application/x-amz-json-1.1");
        for (const auto& e : page["events"]) {
            std::string message = e["message"];
            auto a = message.find(' ');
            auto b = message.find(' ', a + 1);
            if (message.rfind("started ", 0) != 0 || b == std::string::npos) {
                continue;
            }
            out[message.substr(b + 1)] = std::stoll(message.substr(a + 1, b - a - 1));
        }
        if (!page.contains("nextToken")) {
            return out;
        }
        input["nextToken"] = page["nextToken"];
    }
}

// The function, unless an earlier run on this server created it.
void create_function(const options& o) {
    client lambda(o, "lambda");
    json fn = {{"FunctionName", "stamp"},
               {"Runtime", "provided.al2023"},
               {"Role", "arn:aws:iam::" + account + ":role/bench"},
               {"Handler", "startStamp"},
               {"Code", {{"ZipFile", "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}}}};
    std::string body = fn.dump();
    auto r = lambda.conn.request("POST", "/2015-03-31/functions", request_body{body, 0, {}},
                                 {{"Content-Type", "application/json"}});
    if (r.status != 201 && r.status != 409) {
        std::fprintf(stderr, "CreateFunction: %d %s\n", r.status, r.error.c_str());
        std::exit(1);
    }
}

void map_source(const options& o, const json& mapping) {
    client lambda(o, "lambda");
    lambda.call("POST", "/2015-03-31/event-source-mappings/", mapping.dump(),
                {{"Content-Type", "application/json"}});
}

// Sets the source up; returns a function that sends event i and returns its mark.
std::function<std::string(int)> prepare(const options& o, client& source) {
    if (o.source == "s3") {
        source.call("PUT", "/stamp-bench", "");
        source.call("PUT", "/stamp-bench?notification",
                    "<NotificationConfiguration><CloudFunctionConfiguration><Id>stamp</Id>"
                    "<CloudFunction>" +
                        function_arn +
                        "</CloudFunction><Event>s3:ObjectCreated:*</Event>"
                        "</CloudFunctionConfiguration></NotificationConfiguration>");
        return [&source](int i) {
            std::string key = "events/k" + std::to_string(i);
            source.call("PUT", "/stamp-bench/" + key, "0123456789abcdef");
            return key;
        };
    }
    if (o.source == "sqs") {
        auto url = source
                       .target("AmazonSQS.CreateQueue", {{"QueueName", "stamp-bench"}},
                               "application/x-amz-json-1.0")["QueueUrl"]
                       .get<std::string>();
        map_source(o, {{"EventSourceArn", "arn:aws:sqs:us-east-1:" + account + ":stamp-bench"},
                       {"FunctionName", "stamp"},
                       {"BatchSize", 1}});
        return [&source, url](int i) {
            std::string body = "m" + std::to_string(i);
            source.target("AmazonSQS.SendMessage", {{"QueueUrl", url}, {"MessageBody", body}},
                          "application/x-amz-json-1.0");
            return body;
        };
    }
    auto table = source.target(
        "DynamoDB_20120810.CreateTable",
        {{"TableName", "stamp-bench"},
         {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
         {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
         {"BillingMode", "PAY_PER_REQUEST"},
         {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}},
        "application/x-amz-json-1.0");
    map_source(o, {{"EventSourceArn", table["TableDescription"]["LatestStreamArn"]},
                   {"FunctionName", "stamp"},
                   {"StartingPosition", "LATEST"},
                   {"BatchSize", 1}});
    return [&source](int i) {
        std::string id = "d" + std::to_string(i);
        source.target("DynamoDB_20120810.PutItem",
                      {{"TableName", "stamp-bench"}, {"Item", {{"id", {{"S", id}}}}}},
                      "application/x-amz-json-1.0");
        return json{{"id", {{"S", id}}}}.dump();
    };
}

double percentile(const std::vector<double>& sorted, double q) {
    return sorted.empty()
               ? 0
               : sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
}

} // namespace

int main(int argc, char** argv) {
    options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        std::string v = argv[i + 1];
        if (a == "--port") {
            o.port = static_cast<std::uint16_t>(std::stoi(v));
        } else if (a == "--source") {
            o.source = v;
        } else if (a == "--count") {
            o.count = std::stoi(v);
        } else if (a == "--label") {
            o.label = v;
        } else {
            std::fprintf(stderr, "usage: cloudbox_event_latency_bench --port N "
                                 "[--source s3|sqs|dynamodb] [--count N] [--label L]\n");
            return 2;
        }
    }
    if (o.port == 0 || (o.source != "s3" && o.source != "sqs" && o.source != "dynamodb")) {
        std::fprintf(stderr, "cloudbox_event_latency_bench: --port and a known --source\n");
        return 2;
    }
    create_function(o);
    client source(o, o.source);
    auto send = prepare(o, source);
    client control(o, "s3"); // one keep-alive connection for every drain
    drain(control);
    // Warm-up: the first events pay for the execution environment's init and, for a stream
    // with LATEST, may land before the poller has met the shard; they are not measured.
    for (int i = 0; i < 5; ++i) {
        send(-1 - i);
        drain(control);
    }
    std::map<std::string, std::int64_t> sent;
    for (int i = 0; i < o.count; ++i) {
        auto t0 = now_micros();
        sent[send(i)] = t0;
        drain(control);
    }
    auto started = started_lines(o);
    std::vector<double> latencies;
    for (const auto& [mark, t0] : sent) {
        if (auto it = started.find(mark); it != started.end()) {
            latencies.push_back(static_cast<double>(it->second - t0) / 1000.0);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("%-22s %-9s %4zu/%-4d events  to function start: p50 %.3f ms  p99 %.3f ms  "
                "min %.3f ms  max %.3f ms\n",
                o.label.c_str(), o.source.c_str(), latencies.size(), o.count,
                percentile(latencies, 0.5), percentile(latencies, 0.99),
                latencies.empty() ? 0 : latencies.front(),
                latencies.empty() ? 0 : latencies.back());
    return latencies.size() == static_cast<std::size_t>(o.count) ? 0 : 1;
}
