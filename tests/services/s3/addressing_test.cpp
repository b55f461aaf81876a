// S3 addressing: virtual-hosted style (bucket.s3.localhost, bucket.localhost,
// bucket.s3.<region>.localhost) reaches the same objects as path style; s3.localhost is path style.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {
std::string host(const std::string& name, std::uint16_t port) {
    return name + ":" + std::to_string(port);
}
} // namespace

TEST_CASE("Addressing: virtual-hosted names reach path-style objects", "[service]") {
    s3_fixture f;
    make_bucket(f.c, "mybucket");
    put_object(f.c, "mybucket", "dir/file.txt", "path style");
    auto port = f.srv.port();
    for (const char* name :
         {"mybucket.s3.localhost", "mybucket.localhost", "mybucket.s3.us-west-2.localhost",
          "mybucket.s3.amazonaws.com", "mybucket.s3.us-east-1.amazonaws.com",
          "mybucket.s3-us-west-2.amazonaws.com"}) {
        INFO(name);
        auto r = f.c.request("GET", "/dir/file.txt", {}, {{"Host", host(name, port)}});
        CHECK(r.status == 200);
        CHECK(r.body == "path style");
    }
    // Without a port as well.
    CHECK(f.c.request("GET", "/dir/file.txt", {}, {{"Host", "mybucket.localhost"}}).body ==
          "path style");
}

TEST_CASE("Addressing: writes through a virtual host are visible path style", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto h = host("vhost.s3.localhost", srv.port());
    REQUIRE(c.request("PUT", "/", {}, {{"Host", h}}).status == 200); // CreateBucket
    CHECK(c.request("HEAD", "/vhost").status == 200);
    REQUIRE(c.request("PUT", "/key%20with%20space", "via vhost", {{"Host", h}}).status == 200);
    CHECK(c.request("GET", "/vhost/key%20with%20space").body == "via vhost");
    CHECK(c.request("HEAD", "/", {}, {{"Host", h}}).status == 200); // HeadBucket
    auto loc = c.request("GET", "/?location", {}, {{"Host", h}});
    CHECK(loc.status == 200);
    CHECK(xml_root(loc.body) == "LocationConstraint");
    REQUIRE(c.request("DELETE", "/key%20with%20space", {}, {{"Host", h}}).status == 204);
    CHECK(c.request("DELETE", "/", {}, {{"Host", h}}).status == 204); // DeleteBucket
    CHECK(c.request("HEAD", "/vhost").status == 404);
}

TEST_CASE("Addressing: a virtual-hosted key keeps leading slashes", "[service]") {
    s3_fixture f;
    make_bucket(f.c, "slashes");
    auto h = host("slashes.localhost", f.srv.port());
    REQUIRE(f.c.request("PUT", "//leading", "x", {{"Host", h}}).status == 200);
    CHECK(f.c.request("GET", "/slashes//leading").body == "x");
}

TEST_CASE("Addressing: s3.localhost, localhost and IP hosts are path style", "[service]") {
    s3_fixture f;
    make_bucket(f.c, "pathbucket");
    put_object(f.c, "pathbucket", "k", "path");
    auto port = f.srv.port();
    for (const char* name : {"s3.localhost", "localhost", "127.0.0.1", "S3.LOCALHOST"}) {
        INFO(name);
        auto r = f.c.request("GET", "/pathbucket/k", {}, {{"Host", host(name, port)}});
        CHECK(r.status == 200);
        CHECK(r.body == "path");
        // GET / on these hosts is ListBuckets, not a bucket listing.
        auto list = f.c.request("GET", "/", {}, {{"Host", host(name, port)}});
        CHECK(xml_root(list.body) == "ListAllMyBucketsResult");
    }
}

TEST_CASE("Addressing: a virtual host for a missing bucket is NoSuchBucket", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("GET", "/key", {}, {{"Host", host("ghost.s3.localhost", srv.port())}});
    check_s3_error(r, 404, "NoSuchBucket");
    CHECK(xml_find(r.body, "BucketName") == "ghost");
}
