// Robustness: hostile or broken input (bad XML, truncated bodies, oversized headers, garbage
// request lines, bad percent-encoding, unknown subresources) is refused cleanly and the server
// keeps serving; a burst of connections is served.
#include "s3/s3_test_support.hpp"

#include <memory>

using namespace cloudbox::test;

namespace {

// The server answers a normal request on a fresh connection.
void check_still_serving(std::uint16_t port) {
    http_client c(port);
    auto r = c.request("GET", "/");
    CHECK(r.status == 200);
    CHECK(xml_root(r.body) == "ListAllMyBucketsResult");
}

} // namespace

TEST_CASE("Robustness: malformed CreateBucket configurations are MalformedXML", "[service]") {
    test_server srv;
    http_client c(srv.port());
    std::string deep;
    for (int i = 0; i < 5000; ++i) {
        deep += "<a>";
    }
    const std::string bodies[] = {
        "<CreateBucketConfiguration>",
        "<CreateBucketConfiguration></WrongClose>",
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
        "\"&lol;&lol;&lol;&lol;\">]><CreateBucketConfiguration><LocationConstraint>&lol2;"
        "</LocationConstraint></CreateBucketConfiguration>",
        "<CreateBucketConfiguration><LocationConstraint>&undefined;</LocationConstraint>"
        "</CreateBucketConfiguration>",
        deep,
        std::string("\x00\x01\x02\xff\xfe garbage", 15),
        "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
        "</CreateBucketConfiguration><Second/>",
    };
    for (const auto& body : bodies) {
        INFO(body.substr(0, 80));
        auto r = c.request("PUT", "/xmlbucket", body);
        check_s3_error(r, 400, "MalformedXML",
                       "The XML you provided was not well-formed or did not validate against our "
                       "published schema");
    }
    CHECK(c.request("HEAD", "/xmlbucket").status == 404);
    check_still_serving(srv.port());
}

TEST_CASE("Robustness: a truncated body stores nothing and the server keeps serving", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/trunc").status == 200);
    {
        raw_connection conn(srv.port());
        REQUIRE(conn.send(
            request_head("PUT", "/trunc/partial", srv.port(), "Content-Length: 1000\r\n") +
            "0123456789"));
        conn.shutdown_write();
        CHECK(conn.wait_closed());
        CHECK(conn.buffered().empty()); // no response to a request that never completed
    }
    CHECK(c.request("HEAD", "/trunc/partial").status == 404);
    check_still_serving(srv.port());
}

TEST_CASE("Robustness: a truncated blob-sized body leaves no blob files", "[service][slow]") {
    temp_dir dir;
    test_server srv(on_disk(dir));
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/trunc").status == 200);
    {
        raw_connection conn(srv.port());
        REQUIRE(
            conn.send(request_head("PUT", "/trunc/big", srv.port(), "Content-Length: 2097152\r\n") +
                      random_bytes(600 * 1024)));
        conn.shutdown_write();
        CHECK(conn.wait_closed());
    }
    CHECK(c.request("HEAD", "/trunc/big").status == 404);
    CHECK(count_files(dir.path() / "s3" / "blobs" / "data") == 0);
    CHECK(count_files(dir.path() / "s3" / "blobs" / "tmp") == 0);
    REQUIRE(c.request("PUT", "/trunc/big", random_bytes(600 * 1024)).status == 200);
    CHECK(count_files(dir.path() / "s3" / "blobs" / "data") == 1);
}

TEST_CASE("Robustness: oversized request headers are refused and the server keeps serving",
          "[service]") {
    test_server srv;
    {
        raw_connection conn(srv.port());
        std::string big = "X-Big: " + std::string(70 * 1024, 'a') + "\r\n";
        conn.send(request_head("GET", "/", srv.port(), big)); // may fail once the server closes
        auto r = conn.read_response();
        if (r) {
            CHECK(r->status == 400);
            CHECK(xml_find(r->body, "Code") == "RequestHeaderSectionTooLarge");
        }
        CHECK(conn.wait_closed());
    }
    check_still_serving(srv.port());
}

TEST_CASE("Robustness: garbage request lines get 400 and the server keeps serving", "[service]") {
    test_server srv;
    const std::string garbage[] = {
        "GARBAGE\r\n\r\n",
        "GET / HTTP/1.1\r\nNo colon in this header line\r\n\r\n",
        "GET\r\n\r\n",
        std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15), // TLS hello
        "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
    };
    for (const auto& bytes : garbage) {
        INFO(bytes);
        raw_connection conn(srv.port());
        REQUIRE(conn.send(bytes));
        auto r = conn.read_response();
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(conn.wait_closed());
    }
    check_still_serving(srv.port());
}

TEST_CASE("Robustness: unimplemented S3 subresources are 501 NotImplemented", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/subres").status == 200);
    for (const char* target : {"/subres?replication", "/subres?logging", "/subres?accelerate",
                               "/subres/key?retention", "/subres?analytics"}) {
        INFO(target);
        auto r = c.request("GET", target);
        check_s3_error(r, 501, "NotImplemented");
    }
    auto put = c.request("PUT", "/subres?replication",
                         "<ReplicationConfiguration></ReplicationConfiguration>");
    check_s3_error(put, 501, "NotImplemented");
    check_still_serving(srv.port());
}

TEST_CASE("Robustness: bucket documents never turn into another operation", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/docs").status == 200);
    // On a key, ?policy must not write an object named by it.
    check_s3_error(c.request("PUT", "/docs/key?policy", R"({"Statement":[]})"), 501,
                   "NotImplemented");
    CHECK(c.request("HEAD", "/docs/key").status == 404);
    // A method the document has no operation for is refused, not taken for CreateBucket.
    check_s3_error(c.request("PUT", "/docs2?policyStatus"), 405, "MethodNotAllowed");
    CHECK(c.request("HEAD", "/docs2").status == 404);
    check_still_serving(srv.port());
}

TEST_CASE("Robustness: a method S3 does not have is MethodNotAllowed", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/methods").status == 200);
    auto r = c.request("PATCH", "/methods/key", "x");
    check_s3_error(r, 405, "MethodNotAllowed",
                   "The specified method is not allowed against this resource.");
    CHECK(xml_find(r.body, "Method") == "PATCH");
    CHECK(xml_find(r.body, "ResourceType") == "OBJECT");
}

TEST_CASE("Robustness: bad percent-encoding in the path is InvalidURI", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/uri").status == 200);
    for (const char* target : {"/uri/a%zz", "/uri/%", "/uri/trailing%2", "/u%G1ri/key", "/uri%"}) {
        INFO(target);
        auto r = c.request("GET", target);
        check_s3_error(r, 400, "InvalidURI", "Couldn't parse the specified URI.");
    }
    auto put = c.request("PUT", "/uri/bad%zzkey", "data");
    check_s3_error(put, 400, "InvalidURI", "Couldn't parse the specified URI.");
    check_still_serving(srv.port());
}

TEST_CASE("Robustness: a burst of 200 concurrent connections is served", "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/burst").status == 200);
    constexpr int n = 200;
    std::vector<std::unique_ptr<raw_connection>> conns;
    for (int i = 0; i < n; ++i) {
        conns.push_back(std::make_unique<raw_connection>(srv.port()));
    }
    for (int i = 0; i < n; ++i) {
        std::string body = "object " + std::to_string(i);
        REQUIRE(
            conns[i]->send(request_head("PUT", "/burst/k" + std::to_string(i), srv.port(),
                                        "Content-Length: " + std::to_string(body.size()) + "\r\n") +
                           body));
    }
    int ok = 0;
    for (int i = 0; i < n; ++i) {
        auto r = conns[i]->read_response();
        ok += r && r->status == 200 ? 1 : 0;
    }
    CHECK(ok == n);
    for (int i = 0; i < n; i += 37) {
        CHECK(c.request("GET", "/burst/k" + std::to_string(i)).body ==
              "object " + std::to_string(i));
    }
    check_still_serving(srv.port());
}
