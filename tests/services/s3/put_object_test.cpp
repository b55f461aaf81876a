// PutObject: stored headers, integrity checks (Content-MD5, x-amz-content-sha256, flexible
// checksums), aws-chunked bodies, byte-exact keys, sizes around the inline limit, storage class
// and tagging.
#include "s3/s3_test_support.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"

#include <filesystem>

using namespace cloudbox::test;
using cloudbox::core::digest_kind;

namespace {

// SigV4 streaming: each chunk's signature chains on the previous one (seed: the header's).
struct chunk_signer {
    std::string key;
    std::string amz_date = "20260101T000000Z";
    std::string scope = "20260101/us-east-1/s3/aws4_request";
    std::string previous;

    chunk_signer() {
        using cloudbox::core::hmac_sha256;
        key = hmac_sha256(
            hmac_sha256(hmac_sha256(hmac_sha256("AWS4secret", "20260101"), "us-east-1"), "s3"),
            "aws4_request");
        previous = sha256_hex("seed");
    }
    std::string sign(std::string_view chunk) {
        std::string to_sign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amz_date + "\n" + scope + "\n" +
                              previous + "\n" + sha256_hex("") + "\n" + sha256_hex(chunk);
        previous = cloudbox::core::to_hex(cloudbox::core::hmac_sha256(key, to_sign));
        return previous;
    }
};

std::string hex_size(std::size_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%zx", n);
    return buf;
}

// "<hex>;chunk-signature=<sig>\r\n<data>\r\n" ... "0;chunk-signature=<sig>\r\n\r\n"
std::string signed_chunked_body(const std::string& data, std::size_t chunk_size) {
    chunk_signer signer;
    std::string out;
    for (std::size_t pos = 0; pos < data.size(); pos += chunk_size) {
        std::string_view chunk = std::string_view(data).substr(pos, chunk_size);
        out += hex_size(chunk.size()) + ";chunk-signature=" + signer.sign(chunk) + "\r\n";
        out.append(chunk);
        out += "\r\n";
    }
    out += "0;chunk-signature=" + signer.sign("") + "\r\n\r\n";
    return out;
}

header_list signed_streaming_headers(std::size_t decoded_length) {
    return {{"authorization",
             "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, "
             "SignedHeaders=content-encoding;host;x-amz-content-sha256;x-amz-date;"
             "x-amz-decoded-content-length, Signature=" +
                 sha256_hex("seed")},
            {"x-amz-date", "20260101T000000Z"},
            {"x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"},
            {"content-encoding", "aws-chunked"},
            {"x-amz-decoded-content-length", std::to_string(decoded_length)}};
}

// An unsigned aws-chunked body with a trailing checksum header.
std::string trailer_body(const std::string& data, const std::string& trailer_name,
                         const std::string& trailer_value) {
    return hex_size(data.size()) + "\r\n" + data + "\r\n0\r\n" + trailer_name + ":" +
           trailer_value + "\r\n\r\n";
}

} // namespace

TEST_CASE("PutObject: returns the quoted MD5 ETag and stores the bytes", "[service]") {
    s3_fixture f;
    auto r = f.c.request("PUT", f.path("hello.txt"), "hello world");
    REQUIRE(r.status == 200);
    CHECK(r.header("etag") == "\"" + md5_hex("hello world") + "\"");
    CHECK(r.header("etag") == "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
    CHECK(!r.header("x-amz-request-id").empty());
    CHECK(r.body.empty());
    CHECK(!r.has_header("x-amz-storage-class"));
    auto g = f.c.request("GET", f.path("hello.txt"));
    CHECK(g.status == 200);
    CHECK(g.body == "hello world");
}

// S3's conditional writes (botocore model: PutObject IfNoneMatch / IfMatch).
TEST_CASE("PutObject: If-None-Match * and If-Match are conditional writes", "[service]") {
    s3_fixture f;
    REQUIRE(f.c.request("PUT", f.path("k"), "first", {{"if-none-match", "*"}}).status == 200);
    auto again = f.c.request("PUT", f.path("k"), "second", {{"if-none-match", "*"}});
    check_s3_error(again, 412, "PreconditionFailed",
                   "At least one of the pre-conditions you specified did not hold");
    CHECK(xml_find(again.body, "Condition") == "If-None-Match");
    auto wrong = f.c.request("PUT", f.path("k"), "second", {{"if-match", "\"0000\""}});
    check_s3_error(wrong, 412, "PreconditionFailed");
    CHECK(xml_find(wrong.body, "Condition") == "If-Match");
    CHECK(f.c.request("GET", f.path("k")).body == "first");
    auto missing = f.c.request("PUT", f.path("nope"), "x", {{"if-match", "\"0000\""}});
    check_s3_error(missing, 404, "NoSuchKey", "The specified key does not exist.");
    auto right =
        f.c.request("PUT", f.path("k"), "second", {{"if-match", "\"" + md5_hex("first") + "\""}});
    CHECK(right.status == 200);
    CHECK(f.c.request("GET", f.path("k")).body == "second");
    auto no_bucket = f.c.request("PUT", "/no-bucket/k", "x", {{"if-match", "\"0000\""}});
    check_s3_error(no_bucket, 404, "NoSuchBucket");
}

TEST_CASE("PutObject: conditional headers S3 does not take on writes are 501", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "k", "first");
    struct refused {
        header_list headers;
        std::string header;
        std::string detail;
    };
    const std::string etag = "\"" + md5_hex("first") + "\"";
    for (const auto& c : std::vector<refused>{
             {{{"if-none-match", etag}},
              "If-None-Match",
              "We don't accept the provided value of If-None-Match header for this API"},
             {{{"if-match", "*"}},
              "If-Match",
              "We don't accept the provided value of If-Match header for this API"},
             {{{"if-none-match", "*"}, {"if-match", etag}},
              "If-Match,If-None-Match",
              "Multiple conditional request headers present in the request"}}) {
        INFO(c.header);
        auto r = f.c.request("PUT", f.path("k"), "second", c.headers);
        check_s3_error(r, 501, "NotImplemented",
                       "A header you provided implies functionality that is not implemented");
        CHECK(xml_find(r.body, "Header") == c.header);
        CHECK(xml_find(r.body, "additionalMessage") == c.detail);
    }
    CHECK(f.c.request("GET", f.path("k")).body == "first");
}

TEST_CASE("PutObject: a missing bucket is NoSuchBucket", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("PUT", "/no-bucket/key", "data");
    check_s3_error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(r.body, "BucketName") == "no-bucket");
}

TEST_CASE("PutObject: x-amz-meta-* names are lower-cased and returned", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "meta", "x",
               {{"X-Amz-Meta-Color", "Deep Red"},
                {"x-amz-meta-MixedCase", "KeepsCase"},
                {"x-amz-meta-empty", ""}});
    for (const char* method : {"GET", "HEAD"}) {
        INFO(method);
        auto r = f.c.request(method, f.path("meta"));
        REQUIRE(r.status == 200);
        CHECK(r.header("x-amz-meta-color") == "Deep Red");
        CHECK(r.header("x-amz-meta-mixedcase") == "KeepsCase");
        CHECK(r.has_header("x-amz-meta-empty"));
    }
}

TEST_CASE("PutObject: Content-Type defaults to binary/octet-stream", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "untyped", "x");
    CHECK(f.c.request("GET", f.path("untyped")).header("content-type") == "binary/octet-stream");
    put_object(f.c, f.bucket, "typed", "x", {{"Content-Type", "text/plain; charset=utf-8"}});
    CHECK(f.c.request("HEAD", f.path("typed")).header("content-type") ==
          "text/plain; charset=utf-8");
}

TEST_CASE("PutObject: standard object headers are stored and returned", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "page.html.gz", "zz",
               {{"Cache-Control", "max-age=3600, public"},
                {"Content-Disposition", "attachment; filename=\"page.html\""},
                {"Content-Encoding", "gzip"},
                {"Content-Language", "en-GB"},
                {"Expires", "Thu, 01 Dec 2039 16:00:00 GMT"}});
    for (const char* method : {"GET", "HEAD"}) {
        INFO(method);
        auto r = f.c.request(method, f.path("page.html.gz"));
        REQUIRE(r.status == 200);
        CHECK(r.header("cache-control") == "max-age=3600, public");
        CHECK(r.header("content-disposition") == "attachment; filename=\"page.html\"");
        CHECK(r.header("content-encoding") == "gzip");
        CHECK(r.header("content-language") == "en-GB");
        CHECK(r.header("expires") == "Thu, 01 Dec 2039 16:00:00 GMT");
        CHECK(r.header("accept-ranges") == "bytes");
        CHECK(!r.header("last-modified").empty());
    }
}

TEST_CASE("PutObject: x-amz-website-redirect-location is checked, stored and returned",
          "[service]") {
    s3_fixture f;
    for (const char* location : {"/docs/index.html", "http://example.com/", "https://e.com/x"}) {
        INFO(location);
        put_object(f.c, f.bucket, "page", "x", {{"x-amz-website-redirect-location", location}});
        for (const char* method : {"GET", "HEAD"}) {
            CHECK(f.c.request(method, f.path("page")).header("x-amz-website-redirect-location") ==
                  location);
        }
    }
    put_object(f.c, f.bucket, "page", "x");
    CHECK_FALSE(f.c.request("HEAD", f.path("page")).has_header("x-amz-website-redirect-location"));
    for (const char* location : {"docs/index.html", "ftp://example.com/", ""}) {
        INFO(location);
        auto r =
            f.c.request("PUT", f.path("bad"), "x", {{"x-amz-website-redirect-location", location}});
        check_s3_error(r, 400, "InvalidRedirectLocation",
                       "The website redirect location must have a prefix of 'http://' or "
                       "'https://' or '/'.");
        CHECK(f.c.request("HEAD", f.path("bad")).status == 404);
    }
}

TEST_CASE("PutObject: a correct Content-MD5 is accepted", "[service]") {
    s3_fixture f;
    auto r = put_object(f.c, f.bucket, "md5", "checked body",
                        {{"Content-MD5", md5_b64("checked body")}});
    CHECK(r.header("etag") == "\"" + md5_hex("checked body") + "\"");
}

TEST_CASE("PutObject: a wrong Content-MD5 is BadDigest and stores nothing", "[service]") {
    s3_fixture f;
    auto wrong = md5_b64("something else");
    auto r = f.c.request("PUT", f.path("md5"), "checked body", {{"Content-MD5", wrong}});
    check_s3_error(r, 400, "BadDigest",
                   "The Content-MD5 you specified did not match what we received.");
    CHECK(xml_find(r.body, "ExpectedDigest") == wrong);
    CHECK(xml_find(r.body, "CalculatedDigest") == md5_b64("checked body"));
    CHECK(f.c.request("HEAD", f.path("md5")).status == 404);
}

TEST_CASE("PutObject: an undecodable Content-MD5 is InvalidDigest", "[service]") {
    s3_fixture f;
    // Not base64, and base64 of 3 bytes (an MD5 is 16).
    for (std::string value : {"not-base64!!", "AAAA"}) {
        INFO(value);
        auto r = f.c.request("PUT", f.path("md5"), "body", {{"Content-MD5", value}});
        check_s3_error(r, 400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
        CHECK(xml_find(r.body, "Content-MD5") == value);
    }
    CHECK(f.c.request("HEAD", f.path("md5")).status == 404);
}

TEST_CASE("PutObject: x-amz-content-sha256 is verified when it is a digest", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "sha", "payload", {{"x-amz-content-sha256", sha256_hex("payload")}});
    put_object(f.c, f.bucket, "unsigned", "payload",
               {{"x-amz-content-sha256", "UNSIGNED-PAYLOAD"}});
    CHECK(f.c.request("GET", f.path("unsigned")).body == "payload");

    auto claimed = sha256_hex("other payload");
    auto r = f.c.request("PUT", f.path("bad-sha"), "payload", {{"x-amz-content-sha256", claimed}});
    check_s3_error(r, 400, "XAmzContentSHA256Mismatch",
                   "The provided 'x-amz-content-sha256' header does not match what was computed.");
    CHECK(xml_find(r.body, "ClientComputedContentSHA256") == claimed);
    CHECK(xml_find(r.body, "S3ComputedContentSHA256") == sha256_hex("payload"));
    CHECK(f.c.request("HEAD", f.path("bad-sha")).status == 404);
}

TEST_CASE("PutObject: flexible checksums are verified, stored and returned", "[service]") {
    struct algo {
        const char* name;
        const char* header;
        digest_kind kind;
    };
    const algo algos[] = {{"CRC32", "x-amz-checksum-crc32", digest_kind::crc32},
                          {"CRC32C", "x-amz-checksum-crc32c", digest_kind::crc32c},
                          {"SHA1", "x-amz-checksum-sha1", digest_kind::sha1},
                          {"SHA256", "x-amz-checksum-sha256", digest_kind::sha256}};
    s3_fixture f;
    const std::string body = "checksummed content";
    for (const auto& a : algos) {
        INFO(a.name);
        std::string key = std::string("sum-") + a.name;
        auto value = checksum_b64(a.kind, body);
        auto r = put_object(f.c, f.bucket, key, body,
                            {{a.header, value}, {"x-amz-sdk-checksum-algorithm", a.name}});
        CHECK(r.header(a.header) == value);
        CHECK(r.header("x-amz-checksum-type") == "FULL_OBJECT");

        for (const char* method : {"GET", "HEAD"}) {
            INFO(method);
            auto with = f.c.request(method, f.path(key), {}, {{"x-amz-checksum-mode", "ENABLED"}});
            CHECK(with.header(a.header) == value);
            CHECK(with.header("x-amz-checksum-type") == "FULL_OBJECT");
            auto without = f.c.request(method, f.path(key));
            CHECK(!without.has_header(a.header));
        }

        auto wrong = checksum_b64(a.kind, "different content");
        auto bad = f.c.request("PUT", f.path(key + "-bad"), body, {{a.header, wrong}});
        check_s3_error(bad, 400, "BadDigest",
                       std::string("The ") + a.name +
                           " you specified did not match the calculated checksum.");
        CHECK(f.c.request("HEAD", f.path(key + "-bad")).status == 404);
    }
}

TEST_CASE("PutObject: a checksum header that is not a digest is InvalidRequest", "[service]") {
    s3_fixture f;
    auto r = f.c.request("PUT", f.path("k"), "body", {{"x-amz-checksum-crc32", "not base64"}});
    check_s3_error(r, 400, "InvalidRequest", "Value for x-amz-checksum-crc32 header is invalid.");
    auto r2 = f.c.request("PUT", f.path("k"), "body",
                          {{"x-amz-checksum-sha256", checksum_b64(digest_kind::crc32, "body")}});
    check_s3_error(r2, 400, "InvalidRequest", "Value for x-amz-checksum-sha256 header is invalid.");
    CHECK(f.c.request("HEAD", f.path("k")).status == 404);
}

TEST_CASE("PutObject: x-amz-sdk-checksum-algorithm alone makes S3 compute the checksum",
          "[service]") {
    s3_fixture f;
    auto r =
        put_object(f.c, f.bucket, "computed", "abc", {{"x-amz-sdk-checksum-algorithm", "SHA256"}});
    CHECK(r.header("x-amz-checksum-sha256") == checksum_b64(digest_kind::sha256, "abc"));
}

TEST_CASE("PutObject: the SDK v3 aws-chunked capture replays byte for byte", "[service]") {
    s3_fixture f;
    make_bucket(f.c, "bucket1");
    std::string raw =
        read_binary_file(fixtures_dir() / "wire" / "sdk-js-v3" / "s3-put-object-stream-001.raw");
    const std::string captured_host = "host: 127.0.0.1:4572\r\n";
    auto at = raw.find(captured_host);
    REQUIRE(at != std::string::npos);
    raw.replace(at, captured_host.size(),
                "host: 127.0.0.1:" + std::to_string(f.srv.port()) + "\r\n");

    auto r = f.c.raw(raw);
    INFO(r.body);
    REQUIRE(r.status == 200);
    const std::string content = "hello-stream\n";
    CHECK(r.header("etag") == "\"" + md5_hex(content) + "\"");
    CHECK(r.header("x-amz-checksum-crc32") == "IIPhRg==");
    CHECK(checksum_b64(digest_kind::crc32, content) == "IIPhRg==");

    auto g = f.c.request("GET", "/bucket1/s1", {}, {{"x-amz-checksum-mode", "ENABLED"}});
    REQUIRE(g.status == 200);
    CHECK(g.body == content);
    CHECK(g.header("content-length") == "13");
    CHECK(g.header("content-type") == "application/octet-stream");
    CHECK(!g.has_header("content-encoding")); // aws-chunked is framing, not stored
    CHECK(g.header("x-amz-checksum-crc32") == "IIPhRg==");
}

TEST_CASE("PutObject: a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body is decoded", "[service]") {
    s3_fixture f;
    const std::string data = random_bytes(150000, 7);
    auto body = signed_chunked_body(data, 65536);
    auto r =
        f.c.request("PUT", f.path("streamed.bin"), body, signed_streaming_headers(data.size()));
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("etag") == "\"" + md5_hex(data) + "\"");
    auto g = f.c.request("GET", f.path("streamed.bin"));
    CHECK(g.body == data);
    CHECK(!g.has_header("content-encoding"));

    // A small one, inline, with a real encoding behind aws-chunked.
    auto headers = signed_streaming_headers(5);
    headers[3].second = "aws-chunked,gzip";
    REQUIRE(f.c.request("PUT", f.path("small.gz"), signed_chunked_body("12345", 65536), headers)
                .status == 200);
    auto s = f.c.request("GET", f.path("small.gz"));
    CHECK(s.body == "12345");
    CHECK(s.header("content-encoding") == "gzip");
}

TEST_CASE("PutObject: an aws-chunked trailer checksum is verified", "[service]") {
    s3_fixture f;
    const std::string data = "trailing checksum data";
    header_list headers{{"x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"},
                        {"content-encoding", "aws-chunked"},
                        {"x-amz-trailer", "x-amz-checksum-crc32c"},
                        {"x-amz-decoded-content-length", std::to_string(data.size())}};
    auto good = checksum_b64(digest_kind::crc32c, data);
    auto r = f.c.request("PUT", f.path("trailer"),
                         trailer_body(data, "x-amz-checksum-crc32c", good), headers);
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-checksum-crc32c") == good);
    CHECK(f.c.request("GET", f.path("trailer")).body == data);

    auto bad = f.c.request(
        "PUT", f.path("trailer-bad"),
        trailer_body(data, "x-amz-checksum-crc32c", checksum_b64(digest_kind::crc32c, "nope")),
        headers);
    check_s3_error(bad, 400, "BadDigest",
                   "The CRC32C you specified did not match the calculated checksum.");
    CHECK(f.c.request("HEAD", f.path("trailer-bad")).status == 404);
}

TEST_CASE("PutObject: x-amz-decoded-content-length must match the decoded body", "[service]") {
    s3_fixture f;
    const std::string data = "twelve bytes";
    auto r = f.c.request("PUT", f.path("short"), signed_chunked_body(data, 4),
                         signed_streaming_headers(data.size() + 5));
    check_s3_error(r, 400, "IncompleteBody",
                   "You did not provide the number of bytes specified by the Content-Length HTTP "
                   "header");
    CHECK(f.c.request("HEAD", f.path("short")).status == 404);
}

TEST_CASE("PutObject: keys are stored byte for byte", "[service]") {
    s3_fixture f;
    const std::string keys[] = {
        "unicode/\xC3\xBC\x6E\xC3\xAF/\xE6\x97\xA5\xE6\x9C\xAC/\xF0\x9F\x98\x80.txt",
        "with space/and  two.txt",
        "plus+sign+key",
        "percent%20literal%",
        "a//double//slash",
        "//leading-slashes",
        "../x",
        "a/../../etc/passwd",
        "./dot/./segments/.",
        "trailing/",
        "query?like=this&x#frag",
        "tab\tand\"quote'<xml>&amp;",
    };
    for (const auto& key : keys) {
        INFO(key);
        put_object(f.c, f.bucket, key, "body of " + key);
    }
    for (const auto& key : keys) {
        INFO(key);
        auto r = f.c.request("GET", f.path(key));
        CHECK(r.status == 200);
        CHECK(r.body == "body of " + key);
    }
    // '+' in a path is a plus, not a space; "a b" and "a+b" are different keys.
    CHECK(f.c.request("GET", "/test-bucket/plus+sign+key").body == "body of plus+sign+key");
    put_object(f.c, f.bucket, "a b", "space");
    put_object(f.c, f.bucket, "a+b", "plus");
    CHECK(f.c.request("GET", "/test-bucket/a%20b").body == "space");
    CHECK(f.c.request("GET", "/test-bucket/a+b").body == "plus");
    CHECK(f.c.request("GET", "/test-bucket/a%2Bb").body == "plus");
    // Dot segments are never resolved: these are other keys, not the stored ones.
    CHECK(f.c.request("GET", "/test-bucket/etc/passwd").status == 404);
    CHECK(f.c.request("GET", "/test-bucket/x").status == 404);
    CHECK(f.c.request("GET", "/test-bucket/a/double/slash").status == 404);
}

TEST_CASE("PutObject: keys up to 1,024 bytes are accepted, longer is KeyTooLongError",
          "[service]") {
    s3_fixture f;
    std::string longest(1024, 'k');
    put_object(f.c, f.bucket, longest, "ok");
    CHECK(f.c.request("GET", f.path(longest)).body == "ok");
    // The limit counts UTF-8 bytes: 512 two-byte characters fit.
    std::string wide;
    for (int i = 0; i < 512; ++i) {
        wide += "\xC3\xA9";
    }
    put_object(f.c, f.bucket, wide, "wide");

    auto r = f.c.request("PUT", f.path(longest + "k"), "too long");
    check_s3_error(r, 400, "KeyTooLongError", "Your key is too long");
    CHECK(xml_find(r.body, "Size") == "1025");
    CHECK(xml_find(r.body, "MaxSizeAllowed") == "1024");
}

TEST_CASE("PutObject: zero-byte objects", "[service]") {
    s3_fixture f;
    auto r = put_object(f.c, f.bucket, "empty", "");
    CHECK(r.header("etag") == "\"d41d8cd98f00b204e9800998ecf8427e\"");
    auto g = f.c.request("GET", f.path("empty"));
    CHECK(g.status == 200);
    CHECK(g.body.empty());
    CHECK(g.header("content-length") == "0");
    auto h = f.c.request("HEAD", f.path("empty"));
    CHECK(h.status == 200);
    CHECK(h.header("content-length") == "0");
    CHECK(h.header("etag") == "\"d41d8cd98f00b204e9800998ecf8427e\"");
}

TEST_CASE("PutObject: 1 MiB and 5 MiB objects (blob storage) read back identical",
          "[service][slow]") {
    s3_fixture f;
    for (std::size_t size : {std::size_t{256 * 1024}, std::size_t{256 * 1024 + 1},
                             std::size_t{1024 * 1024}, std::size_t{5 * 1024 * 1024}}) {
        INFO(size);
        auto data = random_bytes(size, static_cast<std::uint32_t>(size));
        std::string key = "big/" + std::to_string(size);
        auto r = put_object(f.c, f.bucket, key, data, {{"Content-MD5", md5_b64(data)}});
        CHECK(r.header("etag") == "\"" + md5_hex(data) + "\"");
        auto g = f.c.request("GET", f.path(key));
        REQUIRE(g.status == 200);
        CHECK(g.header("content-length") == std::to_string(size));
        CHECK(g.body.size() == size);
        CHECK(g.body == data);
        CHECK(f.c.request("HEAD", f.path(key)).header("content-length") == std::to_string(size));
    }
}

TEST_CASE("PutObject: overwriting and deleting free the old blob files", "[service][slow]") {
    temp_dir dir;
    test_server srv(on_disk(dir));
    http_client c(srv.port());
    make_bucket(c, "blobs");
    const auto blob_data = dir.path() / "s3" / "blobs" / "data";

    auto first = random_bytes(1024 * 1024, 1);
    put_object(c, "blobs", "obj", first);
    CHECK(count_files(blob_data) == 1);

    auto second = random_bytes(1024 * 1024, 2);
    put_object(c, "blobs", "obj", second);
    CHECK(count_files(blob_data) == 1);
    CHECK(c.request("GET", "/blobs/obj").body == second);

    put_object(c, "blobs", "obj", "now small enough to live inline");
    CHECK(count_files(blob_data) == 0);
    CHECK(c.request("GET", "/blobs/obj").body == "now small enough to live inline");

    put_object(c, "blobs", "obj", first);
    CHECK(count_files(blob_data) == 1);
    REQUIRE(c.request("DELETE", "/blobs/obj").status == 204);
    CHECK(count_files(blob_data) == 0);

    // A rejected upload leaves no blob behind either.
    auto bad = c.request("PUT", "/blobs/bad", first, {{"Content-MD5", md5_b64("x")}});
    CHECK(bad.status == 400);
    // The request (and its unpublished temporary file) is released before the connection
    // reads its next request.
    CHECK(c.request("HEAD", "/blobs/bad").status == 404);
    CHECK(count_files(blob_data) == 0);
    CHECK(count_files(dir.path() / "s3" / "blobs" / "tmp") == 0);
}

TEST_CASE("PutObject: x-amz-storage-class is validated and returned", "[service]") {
    s3_fixture f;
    auto r = put_object(f.c, f.bucket, "ia", "x", {{"x-amz-storage-class", "STANDARD_IA"}});
    CHECK(r.header("x-amz-storage-class") == "STANDARD_IA");
    CHECK(f.c.request("HEAD", f.path("ia")).header("x-amz-storage-class") == "STANDARD_IA");
    CHECK(f.c.request("GET", f.path("ia")).header("x-amz-storage-class") == "STANDARD_IA");

    // STANDARD is the default and S3 does not echo it.
    auto s = put_object(f.c, f.bucket, "std", "x", {{"x-amz-storage-class", "STANDARD"}});
    CHECK(!s.has_header("x-amz-storage-class"));
    CHECK(!f.c.request("HEAD", f.path("std")).has_header("x-amz-storage-class"));

    auto bad = f.c.request("PUT", f.path("bad"), "x", {{"x-amz-storage-class", "PLATINUM"}});
    check_s3_error(bad, 400, "InvalidStorageClass", "The storage class you specified is not valid");
    CHECK(xml_find(bad.body, "StorageClassRequested") == "PLATINUM");
    CHECK(f.c.request("HEAD", f.path("bad")).status == 404);
}

TEST_CASE("PutObject: x-amz-tagging is counted in x-amz-tagging-count", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "tagged", "x", {{"x-amz-tagging", "project=blue&owner=team%20a"}});
    CHECK(f.c.request("HEAD", f.path("tagged")).header("x-amz-tagging-count") == "2");
    CHECK(f.c.request("GET", f.path("tagged")).header("x-amz-tagging-count") == "2");
    put_object(f.c, f.bucket, "untagged", "x");
    CHECK(!f.c.request("HEAD", f.path("untagged")).has_header("x-amz-tagging-count"));

    auto bad = f.c.request("PUT", f.path("bad-tags"), "x", {{"x-amz-tagging", "aws:owner=me"}});
    check_s3_error(bad, 400, "InvalidTag", "Your TagKey cannot be prefixed with aws:");
}

TEST_CASE("PutObject: overwriting replaces body, headers and metadata", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "k", "first",
               {{"Content-Type", "text/plain"}, {"x-amz-meta-version", "1"}});
    put_object(f.c, f.bucket, "k", "second version");
    auto g = f.c.request("GET", f.path("k"));
    CHECK(g.body == "second version");
    CHECK(g.header("content-type") == "binary/octet-stream");
    CHECK(!g.has_header("x-amz-meta-version"));
    CHECK(g.header("etag") == "\"" + md5_hex("second version") + "\"");
}
