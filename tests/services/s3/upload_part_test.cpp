// UploadPart: PUT /bucket/key?partNumber=N&uploadId=X.
#include "multipart_support.hpp"

using namespace cloudbox::test;
using namespace cloudbox::test::multipart;
using cloudbox::core::base64_encode;
using cloudbox::core::digest;
using cloudbox::core::digest_kind;

TEST_CASE("UploadPart answers the part's MD5 as ETag and replaces a part sent again", "[service]") {
    fixture f;
    auto id = f.create();
    auto r = f.part(id, "1", "first");
    REQUIRE(r.status == 200);
    CHECK(r.header("etag") == quoted_md5("first"));
    CHECK(r.body.empty());
    CHECK_FALSE(r.has_header("x-amz-checksum-crc32"));
    REQUIRE(f.part(id, "3", "").status == 200);
    r = f.part(id, "1", "again");
    CHECK(r.header("etag") == quoted_md5("again"));

    auto listed = xml(f.list_parts(id));
    auto parts = listed.children_named("Part");
    REQUIRE(parts.size() == 2);
    CHECK(text(*parts[0], "PartNumber") == "1");
    CHECK(text(*parts[0], "ETag") == quoted_md5("again"));
    CHECK(text(*parts[0], "Size") == "5");
    CHECK(text(*parts[1], "PartNumber") == "3");
    CHECK(text(*parts[1], "Size") == "0");
}

TEST_CASE("UploadPart refuses part numbers outside 1..10000", "[service]") {
    fixture f;
    auto id = f.create();
    for (std::string n : {"0", "10001", "-1", "1.5", "one", ""}) {
        auto r = f.part(id, n, "data");
        CHECK(r.status == 400);
        auto e = xml(r);
        CHECK(text(e, "Code") == "InvalidArgument");
        CHECK(text(e, "Message") ==
              "Part number must be an integer between 1 and 10000, inclusive");
        CHECK(text(e, "ArgumentName") == "partNumber");
        CHECK(text(e, "ArgumentValue") == n);
    }
    CHECK(f.part(id, "10000", "data").status == 200);
}

TEST_CASE("UploadPart answers NoSuchUpload and NoSuchBucket", "[service]") {
    fixture f;
    auto id = f.create("other");
    for (const std::string& upload : {std::string(64, '0'), id}) {
        auto r = f.part(upload, "1", "data");
        CHECK(r.status == 404);
        auto e = xml(r);
        CHECK(text(e, "Code") == "NoSuchUpload");
        CHECK(text(e, "UploadId") == upload);
    }
    auto r = f.c.request("PUT", "/no-such-bucket/key?partNumber=1&uploadId=" + id, "data");
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchBucket");
}

TEST_CASE("UploadPart checks Content-MD5 and flexible checksums", "[service]") {
    fixture f;
    auto id = f.create();
    auto r =
        f.part(id, "1", "data", {{"content-md5", base64_encode(digest(digest_kind::md5, "x"))}});
    CHECK(r.status == 400);
    CHECK(error_code(r) == "BadDigest");
    auto crc = base64_encode(digest(digest_kind::crc32, "data"));
    r = f.part(id, "1", "data", {{"x-amz-checksum-crc32", crc}});
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-checksum-crc32") == crc);
    r = f.part(id, "1", "data", {{"x-amz-checksum-crc32", "AAAAAA=="}});
    CHECK(r.status == 400);
    CHECK(error_code(r) == "BadDigest");
    // The upload has no checksum algorithm: its parts list no checksum.
    auto listed = xml(f.list_parts(id));
    auto part = listed.child("Part");
    REQUIRE(part != nullptr);
    CHECK_FALSE(part->child("ChecksumCRC32"));
}

TEST_CASE("UploadPart of an upload with a checksum algorithm computes or checks it", "[service]") {
    fixture f;
    auto id = f.create("key", {{"x-amz-checksum-algorithm", "SHA256"}});
    auto sha = [](const std::string& s) { return base64_encode(digest(digest_kind::sha256, s)); };
    // No checksum in the request: S3 computes the upload's.
    auto r = f.part(id, "1", "one");
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-checksum-sha256") == sha("one"));
    r = f.part(id, "2", "two", {{"x-amz-checksum-sha256", sha("two")}});
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-checksum-sha256") == sha("two"));
    r = f.part(id, "2", "two", {{"x-amz-checksum-sha256", sha("other")}});
    CHECK(r.status == 400);
    CHECK(error_code(r) == "BadDigest");
    // A checksum of another algorithm, even a correct one.
    r = f.part(id, "3", "three",
               {{"x-amz-checksum-crc32", base64_encode(digest(digest_kind::crc32, "three"))}});
    CHECK(r.status == 400);
    auto e = xml(r);
    CHECK(text(e, "Code") == "InvalidRequest");
    CHECK(text(e, "Message") ==
          "Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: "
          "crc32");

    auto listed = xml(f.list_parts(id));
    auto parts = listed.children_named("Part");
    REQUIRE(parts.size() == 2);
    CHECK(text(*parts[0], "ChecksumSHA256") == sha("one"));
    CHECK(text(*parts[1], "ChecksumSHA256") == sha("two"));
}
