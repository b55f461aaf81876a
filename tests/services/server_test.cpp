// Server behaviour: keep-alive, 100-continue, control routes (health, reset, clock), presigned URL
// expiry, unknown services, and durability across restarts on the same data directory.
#include "service/dispatcher.hpp"
#include "services/service_test_support.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>

using namespace cloudbox::test;
using nlohmann::json;

namespace {

json json_of(const http_response& r) {
    INFO(r.body);
    CHECK(r.header("content-type") == "application/json");
    auto j = json::parse(r.body, nullptr, false);
    REQUIRE(!j.is_discarded());
    return j;
}

std::string presigned(const std::string& path, const std::string& amz_date, long expires) {
    return path +
           "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
           "&X-Amz-Credential=AKIDEXAMPLE%2F" +
           amz_date.substr(0, 8) + "%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=" + amz_date +
           "&X-Amz-Expires=" + std::to_string(expires) +
           "&X-Amz-SignedHeaders=host"
           "&X-Amz-Signature=" +
           std::string(64, 'a');
}

} // namespace

TEST_CASE("Server: several requests share one kept-alive connection", "[service]") {
    test_server srv;
    raw_connection conn(srv.port());
    auto port = srv.port();
    REQUIRE(conn.send(request_head("PUT", "/keepalive", port, "Content-Length: 0\r\n")));
    auto created = conn.read_response();
    REQUIRE(created);
    CHECK(created->status == 200);

    REQUIRE(
        conn.send(request_head("PUT", "/keepalive/k", port, "Content-Length: 5\r\n") + "hello"));
    auto put = conn.read_response();
    REQUIRE(put);
    CHECK(put->status == 200);

    REQUIRE(conn.send(request_head("GET", "/keepalive/missing", port)));
    auto missing = conn.read_response();
    REQUIRE(missing);
    CHECK(missing->status == 404);

    REQUIRE(conn.send(request_head("HEAD", "/keepalive/k", port)));
    auto head = conn.read_response(true);
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->header("content-length") == "5");

    // Two pipelined requests in one write come back in order.
    REQUIRE(conn.send(request_head("GET", "/keepalive/k", port) +
                      request_head("GET", "/_cloudbox/health", port)));
    auto first = conn.read_response();
    auto second = conn.read_response();
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->body == "hello");
    CHECK(second->status == 200);
    CHECK(second->header("content-type") == "application/json");

    // Connection: close is honoured after the response.
    REQUIRE(conn.send(request_head("GET", "/keepalive/k", port, "Connection: close\r\n")));
    auto last = conn.read_response();
    REQUIRE(last);
    CHECK(last->body == "hello");
    CHECK(conn.wait_closed());
}

TEST_CASE("Server: every response carries a Date from the clock", "[service]") {
    test_server srv;
    srv.app().clock().set(std::chrono::sys_days{std::chrono::year{2031} / 5 / 6} +
                          std::chrono::hours(7) + std::chrono::seconds(8));
    srv.app().clock().freeze();
    http_client c(srv.port());
    for (const char* path : {"/", "/no-such-bucket", "/_cloudbox/health"}) {
        INFO(path);
        CHECK(c.request("GET", path).header("date") == "Tue, 06 May 2031 07:00:08 GMT");
    }
    srv.app().clock().advance(std::chrono::seconds(1));
    CHECK(c.request("GET", "/").header("date") == "Tue, 06 May 2031 07:00:09 GMT");
}

TEST_CASE("Server: Expect: 100-continue gets an interim response before the body", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/expect").status == 200);

    raw_connection conn(srv.port());
    REQUIRE(conn.send(request_head("PUT", "/expect/obj", srv.port(),
                                   "Content-Length: 11\r\nExpect: 100-continue\r\n")));
    REQUIRE(conn.read_until("\r\n\r\n", std::chrono::seconds(10)));
    CHECK(conn.buffered().starts_with("HTTP/1.1 100 Continue\r\n"));
    auto interim = conn.read_response();
    REQUIRE(interim);
    CHECK(interim->status == 100);
    REQUIRE(conn.send("hello world"));
    auto final_response = conn.read_response();
    REQUIRE(final_response);
    CHECK(final_response->status == 200);
    CHECK(final_response->header("etag") == "\"" + md5_hex("hello world") + "\"");
    CHECK(c.request("GET", "/expect/obj").body == "hello world");
}

TEST_CASE("Server: Expect: 100-continue to a missing bucket is refused before the body",
          "[service]") {
    test_server srv;
    raw_connection conn(srv.port());
    REQUIRE(conn.send(request_head("PUT", "/nobucket/obj", srv.port(),
                                   "Content-Length: 1048576\r\nExpect: 100-continue\r\n")));
    auto r = conn.read_response();
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(xml_find(r->body, "Code") == "NoSuchBucket");
    CHECK(conn.wait_closed()); // the unread body makes the connection unusable
}

TEST_CASE("Server: /_cloudbox/health and /_localstack/health", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("GET", "/_cloudbox/health");
    REQUIRE(r.status == 200);
    auto j = json_of(r);
    CHECK(j["status"] == "running");
    CHECK(j["services"]["s3"] == "running");
    CHECK(j["in_memory"] == true);
    CHECK(j["region"] == "us-east-1");
    CHECK(j["version"].is_string());
    CHECK(j["uptime_seconds"].is_number());
    CHECK(c.request("HEAD", "/_cloudbox/health").status == 200);

    auto ls = c.request("GET", "/_localstack/health");
    REQUIRE(ls.status == 200);
    auto l = json_of(ls);
    CHECK(l["services"]["s3"] == "available");
    CHECK(l["edition"] == "community");
    CHECK(l["version"].get<std::string>().starts_with("cloudbox-"));

    auto unknown = c.request("GET", "/_cloudbox/nothing-here");
    CHECK(unknown.status == 404);
    CHECK(json_of(unknown).contains("error"));
}

TEST_CASE("Server: POST /_cloudbox/reset clears every service or one", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto seed = [&] {
        REQUIRE(c.request("PUT", "/resettable").status == 200);
        REQUIRE(c.request("PUT", "/resettable/k", std::string(300 * 1024, 'x')).status == 200);
    };
    seed();
    auto all = c.request("POST", "/_cloudbox/reset");
    REQUIRE(all.status == 200);
    json every = json::array();
    for (const auto& svc : srv.app().dispatcher().services().all()) {
        every.push_back(std::string(svc->name()));
    }
    CHECK(every.size() > 1);
    CHECK(json_of(all)["reset"] == every);
    CHECK(c.request("HEAD", "/resettable").status == 404);

    seed();
    auto one = c.request("POST", "/_cloudbox/reset?service=s3");
    REQUIRE(one.status == 200);
    CHECK(json_of(one)["reset"] == json::array({"s3"}));
    CHECK(c.request("HEAD", "/resettable").status == 404);

    seed();
    auto by_body = c.request("POST", "/_cloudbox/reset", R"({"service": "s3"})");
    CHECK(by_body.status == 200);
    CHECK(c.request("GET", "/resettable/k").status == 404);

    auto unknown = c.request("POST", "/_cloudbox/reset?service=nonexistent");
    CHECK(unknown.status == 404);
    CHECK(json_of(unknown).contains("error"));
    auto bad = c.request("POST", "/_cloudbox/reset", "not json");
    CHECK(bad.status == 400);
    // The server works normally after a reset.
    seed();
    CHECK(c.request("GET", "/resettable/k").body.size() == 300 * 1024);
}

TEST_CASE("Server: /_cloudbox/clock reads, freezes, sets and advances", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto now = json_of(c.request("GET", "/_cloudbox/clock"));
    CHECK(now["frozen"] == false);
    CHECK(now["now"].get<std::string>().ends_with("Z"));

    auto frozen = json_of(c.request("POST", "/_cloudbox/clock", R"({"freeze": true})"));
    CHECK(frozen["frozen"] == true);
    auto again = json_of(c.request("GET", "/_cloudbox/clock"));
    CHECK(again["now"] == frozen["now"]);

    auto set = json_of(c.request("POST", "/_cloudbox/clock", R"({"set": "2030-06-01T12:00:00Z"})"));
    CHECK(set["now"] == "2030-06-01T12:00:00.000Z");
    CHECK(set["frozen"] == true);
    auto advanced = json_of(c.request("POST", "/_cloudbox/clock", R"({"advance_seconds": 90})"));
    CHECK(advanced["now"] == "2030-06-01T12:01:30.000Z");
    auto combined = json_of(c.request(
        "POST", "/_cloudbox/clock", R"({"set": "2031-01-01T00:00:00Z", "advance_seconds": 1.5})"));
    CHECK(combined["now"] == "2031-01-01T00:00:01.500Z");

    // S3 timestamps follow the clock.
    REQUIRE(c.request("PUT", "/clocked").status == 200);
    REQUIRE(c.request("PUT", "/clocked/k", "x").status == 200);
    CHECK(c.request("HEAD", "/clocked/k").header("last-modified") ==
          "Wed, 01 Jan 2031 00:00:01 GMT");

    auto running = json_of(c.request("POST", "/_cloudbox/clock", R"({"freeze": false})"));
    CHECK(running["frozen"] == false);
}

TEST_CASE("Server: /_cloudbox/clock refuses bad input with 400", "[service]") {
    test_server srv;
    http_client c(srv.port());
    for (std::string body : {"not json", "[1, 2]", R"({"freeze": "yes"})", R"({"set": "tomorrow"})",
                             R"({"set": 5})", R"({"advance_seconds": "10"})"}) {
        INFO(body);
        auto r = c.request("POST", "/_cloudbox/clock", body);
        CHECK(r.status == 400);
        CHECK(json_of(r).contains("error"));
    }
    CHECK(json_of(c.request("GET", "/_cloudbox/clock"))["frozen"] == false);
}

TEST_CASE("Server: presigned URLs work until X-Amz-Expires passes", "[service]") {
    test_server srv;
    auto& clock = srv.app().clock();
    clock.set(std::chrono::sys_days{std::chrono::year{2030} / 1 / 1});
    clock.freeze();
    http_client signed_client(srv.port());
    REQUIRE(signed_client.request("PUT", "/presign").status == 200);
    http_client c(srv.port());
    c.signing_service.clear(); // no Authorization header: the query carries the credential

    auto put = c.request("PUT", presigned("/presign/obj", "20300101T000000Z", 3600), "presigned");
    CHECK(put.status == 200);
    auto url = presigned("/presign/obj", "20300101T000000Z", 3600);
    auto get = c.request("GET", url);
    CHECK(get.status == 200);
    CHECK(get.body == "presigned");

    clock.advance(std::chrono::seconds(3599));
    CHECK(c.request("GET", url).status == 200);

    clock.advance(std::chrono::seconds(2));
    auto expired = c.request("GET", url);
    CHECK(expired.status == 403);
    CHECK(xml_find(expired.body, "Code") == "AccessDenied");
    CHECK(xml_find(expired.body, "Message") == "Request has expired");
    CHECK(xml_find(expired.body, "X-Amz-Expires") == "3600");
    CHECK(xml_find(expired.body, "Expires") == "2030-01-01T01:00:00Z");
    CHECK(xml_find(expired.body, "ServerTime") == "2030-01-01T01:00:01Z");
    auto head = c.request("HEAD", url);
    CHECK(head.status == 403);
    CHECK(head.body.empty());
}

TEST_CASE("Server: headers a presigned URL carries in its query apply as headers", "[service]") {
    test_server srv;
    auto& clock = srv.app().clock();
    clock.set(std::chrono::sys_days{std::chrono::year{2030} / 1 / 1});
    clock.freeze();
    http_client signed_client(srv.port());
    REQUIRE(signed_client.request("PUT", "/presign").status == 200);
    http_client c(srv.port());
    c.signing_service.clear();
    auto url = presigned("/presign/meta", "20300101T000000Z", 3600) +
               "&x-amz-meta-foo=bar&x-amz-storage-class=STANDARD_IA";
    REQUIRE(c.request("PUT", url, "x").status == 200);
    auto head = signed_client.request("HEAD", "/presign/meta");
    CHECK(head.header("x-amz-meta-foo") == "bar");
    CHECK(head.header("x-amz-storage-class") == "STANDARD_IA");
    // A header sent for real wins over the query's copy.
    REQUIRE(c.request("PUT", url, "y", {{"x-amz-meta-foo", "header"}}).status == 200);
    CHECK(signed_client.request("HEAD", "/presign/meta").header("x-amz-meta-foo") == "header");
}

TEST_CASE("Server: SigV2 presigned URLs (boto3's S3 default) expire too", "[service]") {
    test_server srv;
    auto& clock = srv.app().clock();
    clock.set(std::chrono::sys_days{std::chrono::year{2030} / 1 / 1});
    clock.freeze();
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/v2presign").status == 200);
    REQUIRE(c.request("PUT", "/v2presign/k", "old style").status == 200);
    c.signing_service.clear();
    // Expires is in epoch seconds: 2030-01-01T01:00:00Z.
    const std::string url =
        "/v2presign/k?AWSAccessKeyId=AKIDEXAMPLE&Signature=c2lnbmF0dXJl%3D&Expires=1893459600";
    auto ok = c.request("GET", url);
    CHECK(ok.status == 200);
    CHECK(ok.body == "old style");

    clock.advance(std::chrono::seconds(3601));
    auto expired = c.request("GET", url);
    CHECK(expired.status == 403);
    CHECK(xml_find(expired.body, "Code") == "AccessDenied");
    CHECK(xml_find(expired.body, "Message") == "Request has expired");
    CHECK(xml_find(expired.body, "Expires") == "2030-01-01T01:00:00Z");
    CHECK(xml_find(expired.body, "ServerTime") == "2030-01-01T01:00:01Z");
}

TEST_CASE("Server: presigned URLs valid for more than a week are refused", "[service]") {
    test_server srv;
    srv.app().clock().set(std::chrono::sys_days{std::chrono::year{2030} / 1 / 1});
    srv.app().clock().freeze();
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/week").status == 200);
    REQUIRE(c.request("PUT", "/week/k", "x").status == 200);
    c.signing_service.clear();
    CHECK(c.request("GET", presigned("/week/k", "20300101T000000Z", 604800)).status == 200);
    auto r = c.request("GET", presigned("/week/k", "20300101T000000Z", 604801));
    CHECK(r.status == 400);
    CHECK(xml_find(r.body, "Code") == "AuthorizationQueryParametersError");
    CHECK(xml_find(r.body, "Message") ==
          "X-Amz-Expires must be less than a week (in seconds) that is 604800");
}

TEST_CASE("Server: requests for services cloudbox lacks get a prompt JSON error", "[service]") {
    test_server srv;
    struct target_case {
        const char* scope;
        const char* target;
        const char* content_type;
    };
    const target_case cases[] = {
        {"dynamodb", "DynamoDB_20120810.NoSuchOperation", "application/x-amz-json-1.0"},
        {"kinesis", "Kinesis_20131202.ListStreams", "application/x-amz-json-1.1"},
    };
    for (const auto& tc : cases) {
        INFO(tc.target);
        raw_connection conn(srv.port());
        std::string body = "{}";
        REQUIRE(conn.send(std::string("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n") +
                          "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/"
                          "us-east-1/" +
                          tc.scope + "/aws4_request, SignedHeaders=host, Signature=00\r\n" +
                          "X-Amz-Target: " + tc.target + "\r\nContent-Type: " + tc.content_type +
                          "\r\nContent-Length: 2\r\n\r\n" + body));
        auto r = conn.read_response(false, std::chrono::seconds(5));
        REQUIRE(r);
        CHECK(r->status >= 400);
        CHECK(r->header("content-type").starts_with("application/x-amz-json"));
        auto j = json::parse(r->body, nullptr, false);
        REQUIRE(!j.is_discarded());
        CHECK(j.contains("__type"));
        CHECK(!r->header("x-amzn-requestid").empty());
        if (std::string(tc.scope) != "dynamodb") {
            CHECK(j["message"].is_string());
        } else { // served by the DynamoDB service: Coral's bare UnknownOperationException
            CHECK(r->status == 400);
            CHECK(j["__type"].get<std::string>().ends_with("UnknownOperationException"));
        }
    }
    // The server still serves S3.
    http_client c(srv.port());
    CHECK(c.request("GET", "/").status == 200);
}

TEST_CASE("Server: objects survive a restart on the same data directory", "[service][slow]") {
    temp_dir dir;
    const server_options opts = on_disk(dir);
    const std::string small = "small inline object";
    const std::string large = random_bytes(1024 * 1024, 42);
    {
        test_server srv(opts);
        http_client c(srv.port());
        REQUIRE(c.request("PUT", "/durable").status == 200);
        REQUIRE(c.request("PUT", "/durable/small.txt", small,
                          {{"Content-Type", "text/plain"}, {"x-amz-meta-kept", "yes"}})
                    .status == 200);
        REQUIRE(c.request("PUT", "/durable/dir/large.bin", large).status == 200);
    }
    test_server srv(opts);
    http_client c(srv.port());
    CHECK(c.request("HEAD", "/durable").status == 200);
    auto s = c.request("GET", "/durable/small.txt");
    CHECK(s.status == 200);
    CHECK(s.body == small);
    CHECK(s.header("content-type") == "text/plain");
    CHECK(s.header("x-amz-meta-kept") == "yes");
    auto l = c.request("GET", "/durable/dir/large.bin");
    CHECK(l.status == 200);
    CHECK(l.body == large);
    CHECK(l.header("etag") == "\"" + md5_hex(large) + "\"");
    CHECK(json_of(c.request("GET", "/_cloudbox/health"))["in_memory"] == false);
}
