// HeadObject: GetObject's headers without a body; errors are bare status codes.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("HeadObject: Content-Length is the object size and no body is sent", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "small", "0123456789",
               {{"Content-Type", "text/plain"}, {"x-amz-meta-owner", "me"}});
    auto data = random_bytes(300 * 1024, 9); // above the inline limit: a blob
    put_object(f.c, f.bucket, "large", data);

    auto h = f.c.request("HEAD", f.path("small"));
    CHECK(h.status == 200);
    CHECK(h.header("content-length") == "10");
    CHECK(h.body.empty());
    CHECK(h.header("content-type") == "text/plain");
    CHECK(h.header("x-amz-meta-owner") == "me");
    CHECK(h.header("etag") == "\"" + md5_hex("0123456789") + "\"");
    CHECK(h.header("accept-ranges") == "bytes");
    CHECK(!h.header("last-modified").empty());

    auto big = f.c.request("HEAD", f.path("large"));
    CHECK(big.status == 200);
    CHECK(big.header("content-length") == std::to_string(data.size()));
    CHECK(big.body.empty());
    CHECK(big.header("etag") == "\"" + md5_hex(data) + "\"");

    // The same connection keeps working after body-less answers.
    CHECK(f.c.request("GET", f.path("small")).body == "0123456789");
}

TEST_CASE("HeadObject: the headers match GetObject's", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "same", "abc",
               {{"Content-Type", "image/png"},
                {"Cache-Control", "no-store"},
                {"Content-Disposition", "inline"},
                {"x-amz-meta-a", "1"},
                {"x-amz-storage-class", "ONEZONE_IA"},
                {"x-amz-tagging", "k=v"}});
    auto g = f.c.request("GET", f.path("same"));
    auto h = f.c.request("HEAD", f.path("same"));
    for (const char* name : {"content-type", "cache-control", "content-disposition", "x-amz-meta-a",
                             "x-amz-storage-class", "etag", "last-modified", "content-length",
                             "accept-ranges", "x-amz-tagging-count"}) {
        INFO(name);
        CHECK(h.header(name) == g.header(name));
        CHECK(!h.header(name).empty());
    }
}

TEST_CASE("HeadObject: a missing key is 404 with no body", "[service]") {
    s3_fixture f;
    auto r = f.c.request("HEAD", f.path("missing"));
    CHECK(r.status == 404);
    CHECK(r.body.empty());
    CHECK(r.header("content-length") == "0");
    CHECK(!r.header("x-amz-request-id").empty());
    auto b = f.c.request("HEAD", "/no-such-bucket/missing");
    CHECK(b.status == 404);
    CHECK(b.body.empty());
    CHECK(f.c.request("GET", "/" + f.bucket + "?location").status == 200);
}

TEST_CASE("HeadObject: conditional requests give bare 304 and 412", "[service]") {
    s3_fixture f;
    auto etag = put_object(f.c, f.bucket, "cond", "content").header("etag");
    auto not_modified = f.c.request("HEAD", f.path("cond"), {}, {{"If-None-Match", etag}});
    CHECK(not_modified.status == 304);
    CHECK(not_modified.header("etag") == etag);
    CHECK(not_modified.body.empty());
    auto failed = f.c.request("HEAD", f.path("cond"), {}, {{"If-Match", "\"other\""}});
    CHECK(failed.status == 412);
    CHECK(failed.body.empty());
    CHECK(f.c.request("HEAD", f.path("cond"), {}, {{"If-Match", etag}}).status == 200);
}

TEST_CASE("HeadObject: Range and partNumber report the part's length", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "digits", "0123456789");
    auto ranged = f.c.request("HEAD", f.path("digits"), {}, {{"Range", "bytes=2-4"}});
    CHECK(ranged.status == 206);
    CHECK(ranged.header("content-length") == "3");
    CHECK(ranged.header("content-range") == "bytes 2-4/10");

    auto part = f.c.request("HEAD", f.path("digits") + "?partNumber=1");
    CHECK(part.status == 206);
    CHECK(part.header("content-length") == "10");
    CHECK(part.header("content-range") == "bytes 0-9/10");

    auto beyond = f.c.request("HEAD", f.path("digits"), {}, {{"Range", "bytes=20-"}});
    CHECK(beyond.status == 416);
    CHECK(beyond.body.empty());
    CHECK(beyond.header("content-range") == "bytes */10");
}

TEST_CASE("HeadObject: a zero-byte object", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "empty", "");
    auto h = f.c.request("HEAD", f.path("empty"));
    CHECK(h.status == 200);
    CHECK(h.header("content-length") == "0");
    CHECK(h.header("etag") == "\"d41d8cd98f00b204e9800998ecf8427e\"");
}
