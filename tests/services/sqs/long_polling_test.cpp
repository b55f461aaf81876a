// ReceiveMessage long polling: deferred responses that hold no server thread, wake on a send,
// time out empty, survive many concurrent waiters and clients that hang up.
#include "service/dispatcher.hpp"
#include "sqs/sqs_service.hpp"
#include "sqs/sqs_test_support.hpp"

#include <future>
#include <stdexcept>
#include <thread>

using namespace cloudbox::test;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

namespace {
// Waits (bounded) until exactly `n` long-poll receives are parked in the server: the wake path is
// then what the test exercises, never the immediate path, whatever the machine's load.
void wait_for_parked(test_server& srv, std::size_t n) {
    auto* sqs = dynamic_cast<cloudbox::services::sqs::sqs_service*>(
        srv.app().dispatcher().services().find("sqs"));
    REQUIRE(sqs != nullptr);
    auto deadline = steady_clock::now() + std::chrono::seconds(10);
    while (sqs->waiting_receives() != n && steady_clock::now() < deadline) {
        std::this_thread::sleep_for(milliseconds(1));
    }
    REQUIRE(sqs->waiting_receives() == n);
}

// ReceiveMessage for the receiver threads: Catch's assertion macros are not thread-safe (100
// threads in INFO/REQUIRE at once aborted the test), so a failure here throws instead and
// reaches the main thread through the future.
json receive_off_main(sqs_client& receiver, const std::string& url, int wait_seconds) {
    auto r = receiver.json_call("ReceiveMessage",
                                {{"QueueUrl", url}, {"WaitTimeSeconds", wait_seconds}});
    if (r.status != 200) {
        throw std::runtime_error("ReceiveMessage " + std::to_string(r.status) + ": " + r.body);
    }
    auto out = json::parse(r.body);
    return out.contains("Messages") ? out["Messages"] : json::array();
}
} // namespace

TEST_CASE("Long polling: a waiting receive returns within 50 ms of a send on another "
          "connection",
          "[service]") {
    test_server srv;
    sqs_client sender(srv.port());
    auto url = sender.create_queue("q");
    auto waiting = std::async(std::launch::async, [&] {
        sqs_client receiver(srv.port());
        auto messages = receive_off_main(receiver, url, 10);
        return std::make_pair(steady_clock::now(), messages);
    });
    wait_for_parked(srv, 1);
    sender.send(url, "wake up");
    auto sent_at = steady_clock::now();
    auto [returned_at, messages] = waiting.get();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0]["Body"] == "wake up");
    auto latency = std::chrono::duration_cast<milliseconds>(returned_at - sent_at).count();
    INFO("latency " << latency << " ms");
    CHECK(latency < 50);
}

TEST_CASE("Long polling: a receive with nothing to get returns empty at WaitTimeSeconds",
          "[service]") {
    test_server srv;
    sqs_client c(srv.port());
    auto url = c.create_queue("q");
    auto start = steady_clock::now();
    auto r = c.json_call("ReceiveMessage", {{"QueueUrl", url}, {"WaitTimeSeconds", 1}});
    auto elapsed = std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count();
    CHECK(r.status == 200);
    CHECK(json::parse(r.body) == json::object());
    CHECK(elapsed >= 950);
    CHECK(elapsed < 1500);
    // The queue's ReceiveMessageWaitTimeSeconds is the default wait (query protocol here).
    auto slow = c.create_queue("slow", {{"ReceiveMessageWaitTimeSeconds", "1"}});
    start = steady_clock::now();
    auto q = c.query_call("ReceiveMessage", {{"QueueUrl", slow}});
    CHECK(q.status == 200);
    CHECK(xml_root(q.body) == "ReceiveMessageResponse");
    CHECK(std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count() >= 950);
}

TEST_CASE("Long polling: 100 waiting receives on a 2-thread server all get a message",
          "[service]") {
    test_server srv; // 2 server threads
    sqs_client sender(srv.port());
    auto url = sender.create_queue("q");
    constexpr int waiters = 100;
    std::vector<std::future<std::string>> futures;
    for (int i = 0; i < waiters; ++i) {
        futures.push_back(std::async(std::launch::async, [&] {
            sqs_client receiver(srv.port());
            auto m = receive_off_main(receiver, url, 15);
            return m.empty() ? std::string() : m[0]["Body"].get<std::string>();
        }));
    }
    wait_for_parked(srv, waiters);
    // While 100 receives wait, the server still answers other requests at once.
    auto start = steady_clock::now();
    CHECK(sender.attribute(url, "ApproximateNumberOfMessages") == "0");
    CHECK(std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count() < 500);
    for (int i = 0; i < waiters; i += 10) {
        json entries = json::array();
        for (int j = i; j < i + 10; ++j) {
            entries.push_back(
                {{"Id", "e" + std::to_string(j)}, {"MessageBody", std::to_string(j)}});
        }
        sender.ok("SendMessageBatch", {{"QueueUrl", url}, {"Entries", entries}});
    }
    std::set<std::string> bodies;
    for (auto& fut : futures) {
        REQUIRE(fut.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        bodies.insert(fut.get());
    }
    CHECK(bodies.size() == waiters); // each message delivered once, none empty
    CHECK(bodies.count("") == 0);
}

TEST_CASE("Long polling: a clock change makes a delayed message deliverable to a waiter",
          "[service]") {
    sqs_fixture f; // clock frozen
    auto url = f.sqs.create_queue("q");
    f.sqs.send(url, "delayed", {{"DelaySeconds", 60}});
    auto waiting = std::async(std::launch::async, [&] {
        sqs_client receiver(f.srv.port());
        return receive_off_main(receiver, url, 10);
    });
    wait_for_parked(f.srv, 1);
    auto start = steady_clock::now();
    http_client control(f.srv.port());
    auto r = control.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 60})");
    CHECK(r.status == 200);
    auto messages = waiting.get();
    REQUIRE(messages.size() == 1);
    CHECK(std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count() < 1000);
}

TEST_CASE("Long polling: a client that hangs up does not swallow the next message", "[service]") {
    test_server srv;
    sqs_client c(srv.port());
    auto url = c.create_queue("q");
    {
        std::string body = json{{"QueueUrl", url}, {"WaitTimeSeconds", 20}}.dump();
        std::string raw = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "X-Amz-Target: AmazonSQS.ReceiveMessage\r\n"
                          "Content-Type: application/x-amz-json-1.0\r\n"
                          "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/"
                          "aws4_request, SignedHeaders=host, Signature=0\r\n"
                          "Content-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body;
        raw_connection gone(srv.port());
        REQUIRE(gone.send(raw));
        wait_for_parked(srv, 1);
    }                        // closed here, while its receive waits
    wait_for_parked(srv, 0); // the server saw the hang-up and dropped the waiter
    c.send(url, "for the living");
    auto got = c.receive(url);
    REQUIRE(got.size() == 1);
    CHECK(got[0]["Body"] == "for the living");
}

TEST_CASE("Long polling: deleting the queue ends a waiting receive with NonExistentQueue",
          "[service]") {
    test_server srv;
    sqs_client c(srv.port());
    auto url = c.create_queue("q");
    auto waiting = std::async(std::launch::async, [&] {
        sqs_client receiver(srv.port());
        return receiver.json_call("ReceiveMessage", {{"QueueUrl", url}, {"WaitTimeSeconds", 10}});
    });
    wait_for_parked(srv, 1);
    c.ok("DeleteQueue", {{"QueueUrl", url}});
    auto r = waiting.get();
    check_json_error(r, 400, "AWS.SimpleQueueService.NonExistentQueue",
                     "com.amazonaws.sqs#QueueDoesNotExist");
}
