// Event source mappings at work: an SQS send reaches the mapped function without waiting for the
// poller's timer, and a DynamoDB stream mapping resumes after a restart where it left off.
#include "lambda/lambda_service.hpp"
#include "lambda/lambda_test_support.hpp"
#include "service/dispatcher.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <thread>

using namespace cloudbox::test;

namespace {

const std::string mappings_path = "/2015-03-31/event-source-mappings/";

struct log_line {
    std::int64_t timestamp = 0;
    std::string message;
};

// The lines of a function's log group that contain `term`, oldest first.
std::vector<log_line> log_lines(std::uint16_t port, const std::string& fn,
                                const std::string& term) {
    http_client logs(port);
    logs.signing_service = "logs";
    auto r = logs.request(
        "POST", "/", json{{"logGroupName", "/aws/lambda/" + fn}, {"filterPattern", term}}.dump(),
        {{"x-amz-target", "Logs_20140328.FilterLogEvents"},
         {"content-type", "application/x-amz-json-1.1"}});
    std::vector<log_line> out;
    if (r.status != 200) {
        return out; // the group does not exist before the first invocation
    }
    json body = json::parse(r.body);
    for (const auto& e : body["events"]) {
        out.push_back({e["timestamp"].get<std::int64_t>(), e["message"].get<std::string>()});
    }
    std::stable_sort(out.begin(), out.end(), [](const log_line& a, const log_line& b) {
        return a.timestamp < b.timestamp;
    });
    return out;
}

// Waits (bounded) until the function's log holds `n` lines containing `term`.
std::vector<log_line> wait_for_lines(std::uint16_t port, const std::string& fn,
                                     const std::string& term, std::size_t n) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    auto lines = log_lines(port, fn, term);
    while (lines.size() < n && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
        lines = log_lines(port, fn, term);
    }
    return lines;
}

json sqs_call(std::uint16_t port, const std::string& op, const json& input) {
    http_client sqs(port);
    sqs.signing_service = "sqs";
    auto r = sqs.request(
        "POST", "/", input.dump(),
        {{"x-amz-target", "AmazonSQS." + op}, {"content-type", "application/x-amz-json-1.0"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
}

json dynamodb_call(std::uint16_t port, const std::string& op, const json& input) {
    http_client ddb(port);
    ddb.signing_service = "dynamodb";
    auto r = ddb.request("POST", "/", input.dump(),
                         {{"x-amz-target", "DynamoDB_20120810." + op},
                          {"content-type", "application/x-amz-json-1.0"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
}

// A `books` table (hash key `id`) with a NEW_IMAGE stream; returns the stream's ARN.
std::string create_books_table(std::uint16_t port) {
    auto table = dynamodb_call(
        port, "CreateTable",
        {{"TableName", "books"},
         {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
         {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
         {"BillingMode", "PAY_PER_REQUEST"},
         {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "NEW_IMAGE"}}}});
    return table["TableDescription"]["LatestStreamArn"];
}

void put_book(std::uint16_t port, const std::string& id) {
    dynamodb_call(port, "PutItem", {{"TableName", "books"}, {"Item", {{"id", {{"S", id}}}}}});
}

// What the partialBatch function logged for each batch, in order ("records: N, failures: 0").
std::vector<std::string> batches(std::uint16_t port) {
    std::vector<std::string> out;
    for (auto& line : log_lines(port, "reader", "records")) {
        out.push_back(line.message);
    }
    return out;
}

// Five events in a row, each timed from just before send(i) to the function's next START line;
// every one must take under 100 ms. Each lands at a random point of the poller's 200 ms idle
// wait: on that timer alone, five in a row under 100 ms would be a 1-in-32 chance.
void check_events_reach_start_fast(lambda_fixture& f, const std::string& fn,
                                   const std::function<void(int)>& send) {
    auto port = f.server.port();
    auto& clock = f.server.app().clock();
    std::vector<std::int64_t> latencies;
    std::string text;
    for (int i = 0; i < 5; ++i) {
        auto before = log_lines(port, fn, "START").size();
        auto sent_ms = clock.now_millis();
        send(i);
        auto starts = wait_for_lines(port, fn, "START", before + 1);
        REQUIRE(starts.size() == before + 1);
        latencies.push_back(starts.back().timestamp - sent_ms);
        text += std::to_string(latencies.back()) + " ms ";
    }
    INFO("event-to-START latencies: " << text);
    CHECK(*std::max_element(latencies.begin(), latencies.end()) < 100);
}

// The Lambda fixture on a data directory that outlives it (restart tests).
struct durable_lambda_fixture {
    test_server server;
    http_client c{server.port()};
    explicit durable_lambda_fixture(const temp_dir& dir) : server(on_disk(dir)) {
        c.signing_service = "lambda";
    }
    http_response post(const std::string& path, const json& body) {
        return c.request("POST", path, body.dump(), {{"content-type", "application/json"}});
    }
    http_response get(const std::string& path) { return c.request("GET", path); }
    http_response del(const std::string& path) { return c.request("DELETE", path); }
};

} // namespace

TEST_CASE("DynamoDB stream mapping: a restart resumes after the last processed record",
          "[service]") {
    temp_dir dir;
    std::string uuid;
    {
        durable_lambda_fixture f(dir);
        auto port = f.server.port();
        REQUIRE(f.post(fn_path(), {{"FunctionName", "reader"},
                                   {"Runtime", "provided.al2023"},
                                   {"Role", role_arn()},
                                   {"Handler", "partialBatch"},
                                   {"Code", {{"ZipFile", empty_zip_b64()}}}})
                    .status == 201);
        std::string stream = create_books_table(port);
        // Both records exist before the mapping: one batch, whenever the poller gets to it.
        put_book(port, "a");
        put_book(port, "b");
        auto m = f.post(mappings_path, {{"EventSourceArn", stream},
                                        {"FunctionName", "reader"},
                                        {"StartingPosition", "TRIM_HORIZON"},
                                        {"BatchSize", 10}});
        REQUIRE(m.status == 202);
        uuid = body_of(m)["UUID"];
        REQUIRE(f.server.app().drain_events(std::chrono::seconds(20)));
        CHECK(batches(port) == std::vector<std::string>{"records: 2, failures: 0"});
    }
    {
        // The same data directory: the mapping resumes after "b" instead of starting over.
        durable_lambda_fixture f(dir);
        auto port = f.server.port();
        REQUIRE(f.server.app().drain_events(std::chrono::seconds(20)));
        CHECK(batches(port) == std::vector<std::string>{"records: 2, failures: 0"});
        put_book(port, "c");
        REQUIRE(f.server.app().drain_events(std::chrono::seconds(20)));
        CHECK(batches(port) ==
              std::vector<std::string>{"records: 2, failures: 0", "records: 1, failures: 0"});
        // Deleting the mapping drops its checkpoints with it.
        http_client streams(port);
        streams.signing_service = "dynamodb";
        auto described = streams.request(
            "POST", "/",
            json{{"StreamArn", body_of(f.get(mappings_path + uuid))["EventSourceArn"]}}.dump(),
            {{"x-amz-target", "DynamoDBStreams_20120810.DescribeStream"},
             {"content-type", "application/x-amz-json-1.0"}});
        std::string shard = body_of(described)["StreamDescription"]["Shards"][0]["ShardId"];
        auto* lambda = dynamic_cast<cloudbox::services::lambda::lambda_service*>(
            f.server.app().dispatcher().services().find("lambda"));
        REQUIRE(lambda != nullptr);
        CHECK(lambda->store().get_checkpoint(uuid, shard).has_value());
        REQUIRE(f.del(mappings_path + uuid).status == 202);
        CHECK_FALSE(lambda->store().get_checkpoint(uuid, shard).has_value());
    }
}

TEST_CASE("SQS event source: a send reaches the function in milliseconds", "[service]") {
    lambda_fixture f;
    auto port = f.server.port();
    f.must_create("worker", "partialBatch");
    auto url = sqs_call(port, "CreateQueue", {{"QueueName", "jobs"}})["QueueUrl"];
    auto mapping =
        f.post(mappings_path, {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:jobs"},
                               {"FunctionName", "worker"},
                               {"BatchSize", 1}});
    REQUIRE(mapping.status == 202);
    // The first delivery proves the poller has seen the mapping (and subscribed to its queue).
    sqs_call(port, "SendMessage", {{"QueueUrl", url}, {"MessageBody", "warm-up"}});
    REQUIRE(wait_for_lines(port, "worker", "START", 1).size() == 1);

    // Measured: 0-3 ms with the wake-up, ~200 ms on the timer alone.
    check_events_reach_start_fast(f, "worker", [&](int) {
        sqs_call(port, "SendMessage", {{"QueueUrl", url}, {"MessageBody", "job"}});
    });
}

namespace {

// A `books` table with a NEW_IMAGE stream, mapped to the function `reader`; returns the stream.
std::string books_stream_mapped_to_reader(lambda_fixture& f) {
    auto port = f.server.port();
    f.must_create("reader", "partialBatch");
    std::string stream_arn = create_books_table(port);
    auto m = f.post(mappings_path, {{"EventSourceArn", stream_arn},
                                    {"FunctionName", "reader"},
                                    {"StartingPosition", "LATEST"},
                                    {"BatchSize", 10}});
    REQUIRE(m.status == 202);
    return stream_arn;
}

} // namespace

TEST_CASE("DynamoDB stream mapping: a write reaches the function in milliseconds", "[service]") {
    lambda_fixture f;
    auto port = f.server.port();
    books_stream_mapped_to_reader(f);
    // The first delivery proves the poller has met the shard (LATEST starts after it).
    put_book(port, "warm-up");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (batches(port).empty() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
        put_book(port, "warm-up");
    }
    REQUIRE_FALSE(batches(port).empty());
    REQUIRE(f.server.app().drain_events(std::chrono::seconds(20)));

    check_events_reach_start_fast(f, "reader",
                                  [&](int i) { put_book(port, "book-" + std::to_string(i)); });
}

TEST_CASE("Sync events: a send or a stream write answers after its mapped function ran",
          "[service]") {
    server_options options;
    options.sync_events = true;
    lambda_fixture f(options);
    auto port = f.server.port();
    books_stream_mapped_to_reader(f);
    f.must_create("worker", "partialBatch");
    auto url = sqs_call(port, "CreateQueue", {{"QueueName", "jobs"}})["QueueUrl"];
    REQUIRE(f.post(mappings_path, {{"EventSourceArn", "arn:aws:sqs:us-east-1:000000000000:jobs"},
                                   {"FunctionName", "worker"},
                                   {"BatchSize", 10},
                                   {"FunctionResponseTypes", {"ReportBatchItemFailures"}}})
                .status == 202);

    // No waiting anywhere: each answer comes after the delivery it caused.
    for (int i = 1; i <= 3; ++i) {
        sqs_call(port, "SendMessage", {{"QueueUrl", url}, {"MessageBody", i == 2 ? "fail" : "ok"}});
        CHECK(log_lines(port, "worker", "START").size() == static_cast<std::size_t>(i));
        put_book(port, "book-" + std::to_string(i));
        CHECK(batches(port).size() == static_cast<std::size_t>(i));
    }
    CHECK(log_lines(port, "worker", "\"failures: 1\"").size() == 1);
    // The failed message is back on the queue only after its visibility timeout (30 s).
    auto attrs = sqs_call(port, "GetQueueAttributes",
                          {{"QueueUrl", url}, {"AttributeNames", {"All"}}})["Attributes"];
    CHECK(attrs["ApproximateNumberOfMessages"] == "0");
    CHECK(attrs["ApproximateNumberOfMessagesNotVisible"] == "1");
}
