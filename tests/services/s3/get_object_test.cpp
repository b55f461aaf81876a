// GetObject: byte ranges, conditional requests and their precedence, response-* overrides,
// partNumber on a simple object, NoSuchKey vs NoSuchBucket.
#include "s3/s3_test_support.hpp"

#include <chrono>

using namespace cloudbox::test;

namespace {

// A server whose clock is frozen at 2030-01-01T00:00:00Z, with "digits" = "0123456789".
struct digits_fixture : s3_fixture {
    std::string etag;
    digits_fixture() {
        srv.app().clock().set(std::chrono::sys_days{std::chrono::year{2030} / 1 / 1});
        srv.app().clock().freeze();
        etag = put_object(c, bucket, "digits", "0123456789").header("etag");
    }
    http_response get(header_list headers, const std::string& query = {}) {
        return c.request("GET", path("digits") + query, {}, std::move(headers));
    }
};

constexpr const char* last_modified = "Tue, 01 Jan 2030 00:00:00 GMT";
constexpr const char* an_hour_before = "Mon, 31 Dec 2029 23:00:00 GMT";
constexpr const char* an_hour_after = "Tue, 01 Jan 2030 01:00:00 GMT";

} // namespace

TEST_CASE("GetObject: returns the body with its headers", "[service]") {
    digits_fixture f;
    auto r = f.get({});
    REQUIRE(r.status == 200);
    CHECK(r.body == "0123456789");
    CHECK(r.header("content-length") == "10");
    CHECK(r.header("etag") == "\"" + md5_hex("0123456789") + "\"");
    CHECK(r.header("last-modified") == last_modified);
    CHECK(r.header("accept-ranges") == "bytes");
    CHECK(r.header("content-type") == "binary/octet-stream");
    CHECK(!r.has_header("content-range"));
    CHECK(!r.header("x-amz-request-id").empty());
}

TEST_CASE("GetObject: Range first-last, open-ended and suffix", "[service]") {
    digits_fixture f;
    struct range_case {
        const char* range;
        const char* body;
        const char* content_range;
    };
    const range_case cases[] = {
        {"bytes=2-5", "2345", "bytes 2-5/10"},
        {"bytes=0-0", "0", "bytes 0-0/10"},
        {"bytes=9-9", "9", "bytes 9-9/10"},
        {"bytes=7-", "789", "bytes 7-9/10"},
        {"bytes=0-", "0123456789", "bytes 0-9/10"},
        {"bytes=-3", "789", "bytes 7-9/10"},
        {"bytes=-10", "0123456789", "bytes 0-9/10"},
        {"bytes=-25", "0123456789", "bytes 0-9/10"}, // a suffix longer than the object
        {"bytes=5-100", "56789", "bytes 5-9/10"},    // the end is clamped
    };
    for (const auto& rc : cases) {
        INFO(rc.range);
        auto r = f.get({{"Range", rc.range}});
        CHECK(r.status == 206);
        CHECK(r.body == rc.body);
        CHECK(r.header("content-range") == rc.content_range);
        CHECK(r.header("content-length") == std::to_string(std::string(rc.body).size()));
        CHECK(r.header("etag") == f.etag);
    }
}

TEST_CASE("GetObject: a range starting past the end is 416 InvalidRange", "[service]") {
    digits_fixture f;
    for (const char* range : {"bytes=10-20", "bytes=10-", "bytes=100-200"}) {
        INFO(range);
        auto r = f.get({{"Range", range}});
        check_s3_error(r, 416, "InvalidRange", "The requested range is not satisfiable");
        CHECK(r.header("content-range") == "bytes */10");
        CHECK(xml_find(r.body, "RangeRequested") == range);
        CHECK(xml_find(r.body, "ActualObjectSize") == "10");
    }
}

TEST_CASE("GetObject: a Range S3 cannot parse is ignored (200, whole object)", "[service]") {
    digits_fixture f;
    for (const char* range : {"bytes=abc", "items=0-1", "bytes=5-2", "bytes=0-1,3-4", "bytes",
                              "bytes=", "bytes=--1", "bytes=1-2-3"}) {
        INFO(range);
        auto r = f.get({{"Range", range}});
        CHECK(r.status == 200);
        CHECK(r.body == "0123456789");
        CHECK(!r.has_header("content-range"));
    }
}

TEST_CASE("GetObject: ranges over a blob-backed object", "[service][slow]") {
    s3_fixture f;
    auto data = random_bytes(1024 * 1024 + 17, 3);
    put_object(f.c, f.bucket, "big", data);
    const std::pair<std::uint64_t, std::uint64_t> ranges[] = {
        {0, 0}, {262140, 262200}, {1000000, data.size() - 1}, {5, 900000}};
    for (auto [first, last] : ranges) {
        std::string spec = "bytes=" + std::to_string(first) + "-" + std::to_string(last);
        INFO(spec);
        auto r = f.c.request("GET", f.path("big"), {}, {{"Range", spec}});
        REQUIRE(r.status == 206);
        CHECK(r.body == data.substr(first, last - first + 1));
        CHECK(r.header("content-range") == "bytes " + std::to_string(first) + "-" +
                                               std::to_string(last) + "/" +
                                               std::to_string(data.size()));
    }
    auto suffix = f.c.request("GET", f.path("big"), {}, {{"Range", "bytes=-100"}});
    CHECK(suffix.body == data.substr(data.size() - 100));
}

TEST_CASE("GetObject: If-Match", "[service]") {
    digits_fixture f;
    CHECK(f.get({{"If-Match", f.etag}}).status == 200);
    CHECK(f.get({{"If-Match", "*"}}).status == 200);
    CHECK(f.get({{"If-Match", "\"nope\", " + f.etag}}).status == 200);
    auto r = f.get({{"If-Match", "\"0123456789abcdef0123456789abcdef\""}});
    check_s3_error(r, 412, "PreconditionFailed",
                   "At least one of the pre-conditions you specified did not hold");
    CHECK(xml_find(r.body, "Condition") == "If-Match");
}

TEST_CASE("GetObject: If-None-Match", "[service]") {
    digits_fixture f;
    auto r = f.get({{"If-None-Match", f.etag}});
    CHECK(r.status == 304);
    CHECK(r.body.empty());
    CHECK(r.header("etag") == f.etag);
    CHECK(r.header("last-modified") == last_modified);
    CHECK(f.get({{"If-None-Match", "*"}}).status == 304);
    auto other = f.get({{"If-None-Match", "\"other\""}});
    CHECK(other.status == 200);
    CHECK(other.body == "0123456789");
}

TEST_CASE("GetObject: If-Modified-Since and If-Unmodified-Since", "[service]") {
    digits_fixture f;
    CHECK(f.get({{"If-Modified-Since", an_hour_before}}).status == 200);
    CHECK(f.get({{"If-Modified-Since", last_modified}}).status == 304);
    // A date in the future is ignored (S3 answers the object), until it is past.
    CHECK(f.get({{"If-Modified-Since", an_hour_after}}).status == 200);
    f.srv.app().clock().advance(std::chrono::hours(2));
    CHECK(f.get({{"If-Modified-Since", an_hour_after}}).status == 304);

    CHECK(f.get({{"If-Unmodified-Since", an_hour_after}}).status == 200);
    CHECK(f.get({{"If-Unmodified-Since", last_modified}}).status == 200);
    auto r = f.get({{"If-Unmodified-Since", an_hour_before}});
    check_s3_error(r, 412, "PreconditionFailed");
    CHECK(xml_find(r.body, "Condition") == "If-Unmodified-Since");

    // Dates S3 cannot parse are ignored.
    CHECK(f.get({{"If-Modified-Since", "yesterday"}}).status == 200);
    CHECK(f.get({{"If-Unmodified-Since", "not a date"}}).status == 200);
}

TEST_CASE("GetObject: conditional precedence follows S3's documented rules", "[service]") {
    digits_fixture f;
    // If-Match true wins over If-Unmodified-Since false: 200.
    CHECK(f.get({{"If-Match", f.etag}, {"If-Unmodified-Since", an_hour_before}}).status == 200);
    // If-None-Match false (the ETag matches) with If-Modified-Since true: 304.
    CHECK(f.get({{"If-None-Match", f.etag}, {"If-Modified-Since", an_hour_before}}).status == 304);
    // If-None-Match true (another ETag) with If-Modified-Since false: the ETag decides, 200.
    CHECK(f.get({{"If-None-Match", "\"other\""}, {"If-Modified-Since", an_hour_after}}).status ==
          200);
    // A failed If-Match is 412 even when If-None-Match would give 304.
    auto r = f.get({{"If-Match", "\"other\""}, {"If-None-Match", f.etag}});
    CHECK(r.status == 412);
    CHECK(xml_find(r.body, "Condition") == "If-Match");
    // Conditions are checked before the range.
    CHECK(f.get({{"If-None-Match", f.etag}, {"Range", "bytes=100-"}}).status == 304);
    CHECK(f.get({{"If-Match", f.etag}, {"Range", "bytes=0-1"}}).status == 206);
}

TEST_CASE("GetObject: response-* query parameters override the stored headers", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "doc", "text",
               {{"Content-Type", "text/plain"}, {"Cache-Control", "no-cache"}});
    auto r = f.c.request("GET",
                         f.path("doc") +
                             "?response-content-type=text%2Fcsv&response-content-language=fr"
                             "&response-expires=Wed%2C%2021%20Oct%202037%2007%3A28%3A00%20GMT"
                             "&response-cache-control=max-age%3D60"
                             "&response-content-disposition=attachment%3B%20filename%3D%22a.csv%22"
                             "&response-content-encoding=identity");
    REQUIRE(r.status == 200);
    CHECK(r.body == "text");
    CHECK(r.header("content-type") == "text/csv");
    CHECK(r.header("content-language") == "fr");
    CHECK(r.header("expires") == "Wed, 21 Oct 2037 07:28:00 GMT");
    CHECK(r.header("cache-control") == "max-age=60");
    CHECK(r.header("content-disposition") == "attachment; filename=\"a.csv\"");
    CHECK(r.header("content-encoding") == "identity");
    // Only that response: the stored headers are unchanged.
    auto plain = f.c.request("GET", f.path("doc"));
    CHECK(plain.header("content-type") == "text/plain");
    CHECK(plain.header("cache-control") == "no-cache");
}

TEST_CASE("GetObject: NoSuchKey in an existing bucket, NoSuchBucket otherwise", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", f.path("missing/key.txt"));
    check_s3_error(r, 404, "NoSuchKey", "The specified key does not exist.");
    CHECK(xml_find(r.body, "Key") == "missing/key.txt");
    auto b = f.c.request("GET", "/no-such-bucket/key");
    check_s3_error(b, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(b.body, "BucketName") == "no-such-bucket");
}

TEST_CASE("GetObject: partNumber=1 of a simple object is a ranged read of all of it", "[service]") {
    digits_fixture f;
    auto r = f.get({}, "?partNumber=1");
    CHECK(r.status == 206);
    CHECK(r.body == "0123456789");
    CHECK(r.header("content-range") == "bytes 0-9/10");
    CHECK(r.header("content-length") == "10");
    CHECK(!r.has_header("x-amz-mp-parts-count"));

    auto two = f.get({}, "?partNumber=2");
    check_s3_error(two, 416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
    CHECK(xml_find(two.body, "PartNumberRequested") == "2");
    CHECK(xml_find(two.body, "ActualPartCount") == "1");

    auto zero = f.get({}, "?partNumber=0");
    check_s3_error(zero, 400, "InvalidArgument",
                   "Part number must be an integer between 1 and 10000, inclusive");
    CHECK(xml_find(zero.body, "ArgumentName") == "partNumber");

    auto both = f.get({{"Range", "bytes=0-1"}}, "?partNumber=1");
    check_s3_error(both, 400, "InvalidRequest",
                   "Cannot specify both Range header and partNumber query parameter");
}

TEST_CASE("GetObject: checksums are returned only for whole-object reads", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "summed", "0123456789", {{"x-amz-sdk-checksum-algorithm", "CRC32"}});
    auto whole = f.c.request("GET", f.path("summed"), {}, {{"x-amz-checksum-mode", "ENABLED"}});
    CHECK(whole.header("x-amz-checksum-crc32") ==
          checksum_b64(cloudbox::core::digest_kind::crc32, "0123456789"));
    auto part = f.c.request("GET", f.path("summed"), {},
                            {{"x-amz-checksum-mode", "ENABLED"}, {"Range", "bytes=0-3"}});
    CHECK(part.status == 206);
    CHECK(!part.has_header("x-amz-checksum-crc32"));
}
