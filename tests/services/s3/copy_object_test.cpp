// CopyObject: x-amz-copy-source forms, metadata and tagging directives, copies onto the object
// itself, x-amz-copy-source-if-* conditions, errors, blob-backed and multipart sources,
// checksums.
#include "s3/s3_test_support.hpp"

#include "core/time_format.hpp"

using namespace cloudbox::test;
using cloudbox::core::digest_kind;

namespace {

// The copy source as SDKs send it: bucket/key, percent-encoded, '/' kept.
std::string source_of(const std::string& bucket, const std::string& key) {
    return cloudbox::core::url_encode(bucket + "/" + key, false);
}

http_response copy(http_client& c, const std::string& bucket, const std::string& key,
                   const std::string& source, header_list headers = {}) {
    headers.emplace_back("x-amz-copy-source", source);
    return c.request("PUT", object_path(bucket, key), "", std::move(headers));
}

constexpr std::size_t blob_size = 300 * 1024; // above the 256 KiB inline limit

} // namespace

TEST_CASE("CopyObject: copies bytes, headers, metadata and tags and answers CopyObjectResult",
          "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "src", "hello copy",
               {{"content-type", "text/plain"},
                {"cache-control", "max-age=60"},
                {"content-disposition", "inline"},
                {"content-language", "en"},
                {"x-amz-meta-color", "blue"},
                {"x-amz-tagging", "a=1&b=2"}});
    auto r = copy(f.c, f.bucket, "dst", source_of(f.bucket, "src"));
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    CHECK(doc->name == "CopyObjectResult");
    CHECK(r.body.find("<CopyObjectResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">") !=
          std::string::npos);
    CHECK(doc->children.at(0).name == "ETag");
    CHECK(doc->children.at(1).name == "LastModified");
    CHECK(xml_find(r.body, "ETag") == "\"" + md5_hex("hello copy") + "\"");
    auto last_modified = xml_find(r.body, "LastModified");
    CHECK(last_modified.size() == 24); // 2026-01-01T00:00:00.000Z
    CHECK(last_modified.ends_with("Z"));

    auto g = f.c.request("GET", f.path("dst"));
    CHECK(g.status == 200);
    CHECK(g.body == "hello copy");
    CHECK(g.header("etag") == "\"" + md5_hex("hello copy") + "\"");
    CHECK(g.header("content-type") == "text/plain");
    CHECK(g.header("cache-control") == "max-age=60");
    CHECK(g.header("content-disposition") == "inline");
    CHECK(g.header("content-language") == "en");
    CHECK(g.header("x-amz-meta-color") == "blue");
    CHECK(g.header("x-amz-tagging-count") == "2");
    // The source is untouched.
    CHECK(f.c.request("GET", f.path("src")).body == "hello copy");
}

TEST_CASE("CopyObject: REPLACE takes headers and metadata from the request", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "src", "data",
               {{"content-type", "text/plain"}, {"x-amz-meta-old", "1"}, {"cache-control", "x"}});
    auto r = copy(f.c, f.bucket, "dst", source_of(f.bucket, "src"),
                  {{"x-amz-metadata-directive", "REPLACE"},
                   {"content-type", "application/json"},
                   {"x-amz-meta-new", "2"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto h = f.c.request("HEAD", f.path("dst"));
    CHECK(h.header("content-type") == "application/json");
    CHECK(h.header("x-amz-meta-new") == "2");
    CHECK(!h.has_header("x-amz-meta-old"));
    CHECK(!h.has_header("cache-control"));

    // Without a Content-Type, REPLACE stores S3's default.
    r = copy(f.c, f.bucket, "dst2", source_of(f.bucket, "src"),
             {{"x-amz-metadata-directive", "REPLACE"}});
    REQUIRE(r.status == 200);
    CHECK(f.c.request("HEAD", f.path("dst2")).header("content-type") == "binary/octet-stream");

    // COPY (explicit) ignores the request's headers.
    r = copy(f.c, f.bucket, "dst3", source_of(f.bucket, "src"),
             {{"x-amz-metadata-directive", "COPY"},
              {"content-type", "image/png"},
              {"x-amz-meta-new", "2"}});
    REQUIRE(r.status == 200);
    h = f.c.request("HEAD", f.path("dst3"));
    CHECK(h.header("content-type") == "text/plain");
    CHECK(h.header("x-amz-meta-old") == "1");
    CHECK(!h.has_header("x-amz-meta-new"));

    check_s3_error(copy(f.c, f.bucket, "dst4", source_of(f.bucket, "src"),
                        {{"x-amz-metadata-directive", "MOVE"}}),
                   400, "InvalidArgument", "Unknown metadata directive.");
}

TEST_CASE("CopyObject: tagging directive COPY keeps the tags, REPLACE takes x-amz-tagging",
          "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "src", "data", {{"x-amz-tagging", "a=1"}});
    REQUIRE(
        copy(f.c, f.bucket, "kept", source_of(f.bucket, "src"), {{"x-amz-tagging", "ignored=1"}})
            .status == 200);
    auto t = f.c.request("GET", f.path("kept") + "?tagging");
    CHECK(xml_find(t.body, "Key") == "a");

    REQUIRE(copy(f.c, f.bucket, "replaced", source_of(f.bucket, "src"),
                 {{"x-amz-tagging-directive", "REPLACE"}, {"x-amz-tagging", "x=y&z=w"}})
                .status == 200);
    t = f.c.request("GET", f.path("replaced") + "?tagging");
    CHECK(xml_find(t.body, "Key") == "x");
    CHECK(f.c.request("HEAD", f.path("replaced")).header("x-amz-tagging-count") == "2");

    REQUIRE(copy(f.c, f.bucket, "untagged", source_of(f.bucket, "src"),
                 {{"x-amz-tagging-directive", "REPLACE"}})
                .status == 200);
    CHECK(!f.c.request("HEAD", f.path("untagged")).has_header("x-amz-tagging-count"));

    check_s3_error(copy(f.c, f.bucket, "bad", source_of(f.bucket, "src"),
                        {{"x-amz-tagging-directive", "replace"}}),
                   400, "InvalidArgument", "Unknown tagging directive.");
}

TEST_CASE("CopyObject: accepts every form of x-amz-copy-source", "[service]") {
    s3_fixture f;
    const std::string key = "dir/a b+c\xC3\xA9?&.txt";
    put_object(f.c, f.bucket, key, "payload");
    // Percent-encoded, with and without a leading slash.
    CHECK(copy(f.c, f.bucket, "d1", source_of(f.bucket, key)).status == 200);
    CHECK(copy(f.c, f.bucket, "d2", "/" + source_of(f.bucket, key)).status == 200);
    // The null version is the current object of an unversioned bucket.
    CHECK(copy(f.c, f.bucket, "d3", source_of(f.bucket, key) + "?versionId=null").status == 200);
    CHECK(f.c.request("GET", f.path("d3")).body == "payload");
    // '+' is a plus sign, not a space.
    put_object(f.c, f.bucket, "p+q", "plus");
    CHECK(copy(f.c, f.bucket, "d4", f.bucket + "/p+q").status == 200);
    CHECK(f.c.request("GET", f.path("d4")).body == "plus");
    // Unencoded characters are taken as they are.
    put_object(f.c, f.bucket, "x y", "space");
    CHECK(copy(f.c, f.bucket, "d5", f.bucket + "/x y").status == 200);
    CHECK(f.c.request("GET", f.path("d5")).body == "space");
}

TEST_CASE("CopyObject: refuses a malformed copy source or version id", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "src", "data");
    auto r = copy(f.c, f.bucket, "dst", f.bucket);
    check_s3_error(r, 400, "InvalidArgument", "Invalid copy source object key");
    CHECK(xml_find(r.body, "ArgumentName") == "x-amz-copy-source");
    check_s3_error(copy(f.c, f.bucket, "dst", f.bucket + "/"), 400, "InvalidArgument",
                   "Invalid copy source object key");
    check_s3_error(copy(f.c, f.bucket, "dst", f.bucket + "/%ZZ"), 400, "InvalidArgument",
                   "Invalid copy source encoding");
    check_s3_error(copy(f.c, f.bucket, "dst", "Bad_Bucket/key"), 400, "InvalidArgument",
                   "Invalid copy source bucket name");
    r = copy(f.c, f.bucket, "dst", source_of(f.bucket, "src") + "?versionId=abc");
    check_s3_error(r, 400, "InvalidArgument", "Invalid version id specified");
    CHECK(xml_find(r.body, "ArgumentValue") == "abc");
}

TEST_CASE("CopyObject: missing source key, source bucket or destination bucket", "[service]") {
    s3_fixture f;
    make_bucket(f.c, "other-bucket");
    auto r = copy(f.c, f.bucket, "dst", source_of("other-bucket", "nope"));
    check_s3_error(r, 404, "NoSuchKey", "The specified key does not exist.");
    CHECK(xml_find(r.body, "Key") == "nope");

    r = copy(f.c, f.bucket, "dst", source_of("missing-bucket", "k"));
    check_s3_error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(r.body, "BucketName") == "missing-bucket");

    put_object(f.c, f.bucket, "src", "data");
    r = copy(f.c, "no-such-dest", "dst", source_of(f.bucket, "src"));
    check_s3_error(r, 404, "NoSuchBucket");
    CHECK(xml_find(r.body, "BucketName") == "no-such-dest");
}

TEST_CASE("CopyObject: a copy onto itself must change something", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "self", "data", {{"x-amz-meta-a", "1"}});
    check_s3_error(copy(f.c, f.bucket, "self", source_of(f.bucket, "self")), 400, "InvalidRequest",
                   "This copy request is illegal because it is trying to copy an object to itself "
                   "without changing the object's metadata, storage class, website redirect "
                   "location or encryption attributes.");
    // A tagging change alone is not enough either.
    check_s3_error(copy(f.c, f.bucket, "self", source_of(f.bucket, "self"),
                        {{"x-amz-tagging-directive", "REPLACE"}, {"x-amz-tagging", "a=b"}}),
                   400, "InvalidRequest");

    auto r = copy(f.c, f.bucket, "self", source_of(f.bucket, "self"),
                  {{"x-amz-metadata-directive", "REPLACE"}, {"x-amz-meta-b", "2"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto h = f.c.request("GET", f.path("self"));
    CHECK(h.body == "data");
    CHECK(h.header("x-amz-meta-b") == "2");
    CHECK(!h.has_header("x-amz-meta-a"));

    r = copy(f.c, f.bucket, "self", source_of(f.bucket, "self"),
             {{"x-amz-storage-class", "STANDARD_IA"}});
    REQUIRE(r.status == 200);
    h = f.c.request("HEAD", f.path("self"));
    CHECK(h.header("x-amz-storage-class") == "STANDARD_IA");
    CHECK(h.header("x-amz-meta-b") == "2"); // COPY kept the metadata
}

TEST_CASE("CopyObject: storage class is the request's, not the source's", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "src", "data", {{"x-amz-storage-class", "STANDARD_IA"}});
    REQUIRE(copy(f.c, f.bucket, "dst", source_of(f.bucket, "src")).status == 200);
    CHECK(!f.c.request("HEAD", f.path("dst")).has_header("x-amz-storage-class"));
    REQUIRE(copy(f.c, f.bucket, "dst2", source_of(f.bucket, "src"),
                 {{"x-amz-storage-class", "GLACIER_IR"}})
                .status == 200);
    CHECK(f.c.request("HEAD", f.path("dst2")).header("x-amz-storage-class") == "GLACIER_IR");
    check_s3_error(
        copy(f.c, f.bucket, "dst3", source_of(f.bucket, "src"), {{"x-amz-storage-class", "COLD"}}),
        400, "InvalidStorageClass");
}

TEST_CASE("CopyObject: the website redirect location is the request's, not the source's",
          "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "src", "data", {{"x-amz-website-redirect-location", "/old"}});
    for (const char* directive : {"COPY", "REPLACE"}) {
        INFO(directive);
        REQUIRE(copy(f.c, f.bucket, "dst", source_of(f.bucket, "src"),
                     {{"x-amz-metadata-directive", directive}})
                    .status == 200);
        CHECK_FALSE(
            f.c.request("HEAD", f.path("dst")).has_header("x-amz-website-redirect-location"));
        REQUIRE(copy(f.c, f.bucket, "dst", source_of(f.bucket, "src"),
                     {{"x-amz-metadata-directive", directive},
                      {"x-amz-website-redirect-location", "https://example.com/new"}})
                    .status == 200);
        CHECK(f.c.request("HEAD", f.path("dst")).header("x-amz-website-redirect-location") ==
              "https://example.com/new");
    }
    // Changing only the redirect location is a legal copy onto itself.
    REQUIRE(copy(f.c, f.bucket, "src", source_of(f.bucket, "src"),
                 {{"x-amz-website-redirect-location", "/new"}})
                .status == 200);
    CHECK(f.c.request("HEAD", f.path("src")).header("x-amz-website-redirect-location") == "/new");
    check_s3_error(copy(f.c, f.bucket, "dst", source_of(f.bucket, "src"),
                        {{"x-amz-website-redirect-location", "new"}}),
                   400, "InvalidRedirectLocation");
}

TEST_CASE("CopyObject: x-amz-copy-source-if-* conditions fail with 412", "[service]") {
    s3_fixture f;
    auto& clock = f.srv.app().clock();
    clock.freeze();
    clock.set(*cloudbox::core::parse_http_date("Wed, 01 Jan 2025 12:00:00 GMT"));
    put_object(f.c, f.bucket, "src", "data");
    clock.set(*cloudbox::core::parse_http_date("Wed, 01 Jan 2025 13:00:00 GMT"));
    const std::string etag = "\"" + md5_hex("data") + "\"";
    const std::string before = "Wed, 01 Jan 2025 11:00:00 GMT";
    const std::string after = "Wed, 01 Jan 2025 12:30:00 GMT";
    const std::string future = "Wed, 01 Jan 2025 14:00:00 GMT";
    auto try_copy = [&](header_list h) {
        return copy(f.c, f.bucket, "dst", source_of(f.bucket, "src"), std::move(h));
    };
    auto failed = [&](header_list h, const std::string& condition) {
        auto r = try_copy(std::move(h));
        check_s3_error(r, 412, "PreconditionFailed",
                       "At least one of the pre-conditions you specified did not hold");
        CHECK(xml_find(r.body, "Condition") == condition);
    };
    failed({{"x-amz-copy-source-if-match", "\"other\""}}, "x-amz-copy-source-If-Match");
    failed({{"x-amz-copy-source-if-none-match", etag}}, "x-amz-copy-source-If-None-Match");
    failed({{"x-amz-copy-source-if-unmodified-since", before}},
           "x-amz-copy-source-If-Unmodified-Since");
    failed({{"x-amz-copy-source-if-modified-since", after}}, "x-amz-copy-source-If-Modified-Since");

    CHECK(try_copy({{"x-amz-copy-source-if-match", etag}}).status == 200);
    CHECK(try_copy({{"x-amz-copy-source-if-match", md5_hex("data")}}).status == 200);
    CHECK(try_copy({{"x-amz-copy-source-if-none-match", "\"other\""}}).status == 200);
    CHECK(try_copy({{"x-amz-copy-source-if-unmodified-since", after}}).status == 200);
    CHECK(try_copy({{"x-amz-copy-source-if-modified-since", before}}).status == 200);
    // A date in the future is ignored.
    CHECK(try_copy({{"x-amz-copy-source-if-modified-since", future}}).status == 200);
    // A matching If-Match overrides a failing If-Unmodified-Since, and a non-matching
    // If-None-Match a failing If-Modified-Since (S3's documented pairs).
    CHECK(try_copy({{"x-amz-copy-source-if-match", etag},
                    {"x-amz-copy-source-if-unmodified-since", before}})
              .status == 200);
    CHECK(try_copy({{"x-amz-copy-source-if-none-match", "\"other\""},
                    {"x-amz-copy-source-if-modified-since", after}})
              .status == 200);
    // But a matching If-Match does not rescue a failing If-Modified-Since.
    failed({{"x-amz-copy-source-if-match", etag}, {"x-amz-copy-source-if-modified-since", after}},
           "x-amz-copy-source-If-Modified-Since");
}

TEST_CASE("CopyObject: a blob-backed copy outlives its source and frees no shared blob",
          "[service]") {
    temp_dir dir;
    test_server srv(on_disk(dir));
    http_client c(srv.port());
    make_bucket(c, "bucket");
    const std::string data = random_bytes(blob_size, 7);
    put_object(c, "bucket", "src", data);
    const auto blobs = dir.path() / "s3" / "blobs" / "data";
    REQUIRE(count_files(blobs) == 1);

    auto r = copy(c, "bucket", "dst", source_of("bucket", "src"));
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "ETag") == "\"" + md5_hex(data) + "\"");
    CHECK(count_files(blobs) == 2); // one cloned blob

    REQUIRE(c.request("DELETE", "/bucket/src").status == 204);
    auto g = c.request("GET", "/bucket/dst");
    CHECK(g.status == 200);
    CHECK(g.body.size() == data.size());
    CHECK(g.body == data);

    // Copying onto itself replaces the blob: the count is unchanged.
    REQUIRE(count_files(blobs) == 1);
    r = copy(c, "bucket", "dst", source_of("bucket", "dst"),
             {{"x-amz-metadata-directive", "REPLACE"}});
    REQUIRE(r.status == 200);
    CHECK(count_files(blobs) == 1);
    CHECK(c.request("GET", "/bucket/dst").body == data);
}

TEST_CASE("CopyObject: keeps the source's checksum or computes the requested one", "[service]") {
    s3_fixture f;
    const std::string small = "checksummed";
    const std::string big = random_bytes(blob_size, 3);
    put_object(f.c, f.bucket, "small", small,
               {{"x-amz-checksum-crc32", checksum_b64(digest_kind::crc32, small)}});
    put_object(f.c, f.bucket, "big", big);

    auto r = copy(f.c, f.bucket, "c1", source_of(f.bucket, "small"));
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "ChecksumCRC32") == checksum_b64(digest_kind::crc32, small));
    CHECK(xml_find(r.body, "ChecksumType") == "FULL_OBJECT");
    auto h = f.c.request("HEAD", f.path("c1"), "", {{"x-amz-checksum-mode", "ENABLED"}});
    CHECK(h.header("x-amz-checksum-crc32") == checksum_b64(digest_kind::crc32, small));

    r = copy(f.c, f.bucket, "c2", source_of(f.bucket, "small"),
             {{"x-amz-checksum-algorithm", "SHA256"}});
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "ChecksumSHA256") == checksum_b64(digest_kind::sha256, small));
    CHECK(xml_find(r.body, "ChecksumCRC32").empty());

    r = copy(f.c, f.bucket, "c3", source_of(f.bucket, "big"),
             {{"x-amz-checksum-algorithm", "CRC32C"}});
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "ChecksumCRC32C") == checksum_b64(digest_kind::crc32c, big));
    h = f.c.request("HEAD", f.path("c3"), "", {{"x-amz-checksum-mode", "ENABLED"}});
    CHECK(h.header("x-amz-checksum-crc32c") == checksum_b64(digest_kind::crc32c, big));

    // No checksum on the source and none requested: none on the copy.
    r = copy(f.c, f.bucket, "c4", source_of(f.bucket, "big"));
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "ChecksumType").empty());

    check_s3_error(copy(f.c, f.bucket, "c5", source_of(f.bucket, "big"),
                        {{"x-amz-checksum-algorithm", "MD6"}}),
                   400, "InvalidRequest");
}

TEST_CASE("CopyObject: a multipart source becomes a single-part copy with an MD5 ETag",
          "[service]") {
    s3_fixture f;
    auto init = f.c.request("POST", f.path("mp") + "?uploads");
    INFO(init.body);
    REQUIRE(init.status == 200);
    std::string upload_id = xml_find(init.body, "UploadId");
    const std::string part1 = random_bytes(5 * 1024 * 1024, 1);
    const std::string part2 = "tail";
    std::string etags[2];
    for (int n = 1; n <= 2; ++n) {
        auto r = f.c.request(
            "PUT", f.path("mp") + "?partNumber=" + std::to_string(n) + "&uploadId=" + upload_id,
            n == 1 ? part1 : part2);
        REQUIRE(r.status == 200);
        etags[n - 1] = r.header("etag");
    }
    std::string complete = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" +
                           etags[0] + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" +
                           etags[1] + "</ETag></Part></CompleteMultipartUpload>";
    auto done = f.c.request("POST", f.path("mp") + "?uploadId=" + upload_id, complete);
    INFO(done.body);
    REQUIRE(done.status == 200);
    std::string etag = xml_find(done.body, "ETag");

    CHECK(etag.ends_with("-2\""));

    auto r = copy(f.c, f.bucket, "mp-copy", source_of(f.bucket, "mp"));
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "ETag") == "\"" + md5_hex(part1 + part2) + "\"");
    REQUIRE(f.c.request("DELETE", f.path("mp")).status == 204);
    auto h = f.c.request("HEAD", f.path("mp-copy") + "?partNumber=1");
    CHECK_FALSE(h.has_header("x-amz-mp-parts-count"));
    CHECK(h.header("etag") == "\"" + md5_hex(part1 + part2) + "\"");
    auto all = f.c.request("GET", f.path("mp-copy"));
    CHECK(all.body == part1 + part2);
}
