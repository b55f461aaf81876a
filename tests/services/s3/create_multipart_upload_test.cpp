// CreateMultipartUpload: POST /bucket/key?uploads.
#include "multipart_support.hpp"

using namespace cloudbox::test;
using namespace cloudbox::test::multipart;

TEST_CASE("CreateMultipartUpload answers the bucket, the key and a new upload id", "[service]") {
    fixture f;
    auto r = f.c.request("POST", "/bucket/folder/a%20key?uploads");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.body.find("<InitiateMultipartUploadResult "
                      "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>bucket</"
                      "Bucket><Key>folder/a key</Key><UploadId>") != std::string::npos);
    CHECK_FALSE(r.has_header("x-amz-checksum-algorithm"));
    auto first = text(xml(r), "UploadId");
    auto second = f.create("folder/a%20key");
    CHECK(first.size() >= 32);
    CHECK(
        first.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
        std::string::npos);
    CHECK(first != second);
    // Each id is an upload in progress.
    CHECK(f.list_parts(first, "", "folder/a%20key").status == 200);
    CHECK(f.list_parts(second, "", "folder/a%20key").status == 200);
}

TEST_CASE("CreateMultipartUpload refuses a missing bucket and a key over 1024 bytes", "[service]") {
    fixture f;
    auto r = f.c.request("POST", "/no-such-bucket/key?uploads");
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchBucket");
    r = f.c.request("POST", "/bucket/" + std::string(1025, 'k') + "?uploads");
    CHECK(r.status == 400);
    CHECK(error_code(r) == "KeyTooLongError");
    r = f.c.request("POST", "/bucket/key?uploads", "", {{"x-amz-storage-class", "CHEAP"}});
    CHECK(r.status == 400);
    CHECK(error_code(r) == "InvalidStorageClass");
}

TEST_CASE("CreateMultipartUpload records the checksum algorithm and type", "[service]") {
    fixture f;
    auto r =
        f.c.request("POST", "/bucket/key?uploads", "", {{"x-amz-checksum-algorithm", "CRC32"}});
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-checksum-algorithm") == "CRC32");
    CHECK(r.header("x-amz-checksum-type") == "COMPOSITE");
    auto parts = xml(f.list_parts(text(xml(r), "UploadId")));
    CHECK(text(parts, "ChecksumAlgorithm") == "CRC32");
    CHECK(text(parts, "ChecksumType") == "COMPOSITE");

    r = f.c.request(
        "POST", "/bucket/key?uploads", "",
        {{"x-amz-checksum-algorithm", "CRC32C"}, {"x-amz-checksum-type", "FULL_OBJECT"}});
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-checksum-algorithm") == "CRC32C");
    CHECK(r.header("x-amz-checksum-type") == "FULL_OBJECT");

    r = f.c.request("POST", "/bucket/key?uploads", "", {{"x-amz-checksum-algorithm", "SHA256"}});
    REQUIRE(r.status == 200);
    CHECK(r.header("x-amz-checksum-type") == "COMPOSITE");
}

TEST_CASE("CreateMultipartUpload refuses checksum choices S3 refuses", "[service]") {
    fixture f;
    struct refused {
        headers h;
        std::string message;
    };
    std::vector<refused> cases{
        {{{"x-amz-checksum-algorithm", "SHA1"}, {"x-amz-checksum-type", "FULL_OBJECT"}},
         "The FULL_OBJECT checksum type cannot be used with the sha1 checksum algorithm."},
        {{{"x-amz-checksum-algorithm", "SHA256"}, {"x-amz-checksum-type", "FULL_OBJECT"}},
         "The FULL_OBJECT checksum type cannot be used with the sha256 checksum algorithm."},
        {{{"x-amz-checksum-type", "COMPOSITE"}},
         "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm "
         "header."},
        {{{"x-amz-checksum-algorithm", "CRC32"}, {"x-amz-checksum-type", "PARTS"}},
         "Value for x-amz-checksum-type header is invalid."},
        {{{"x-amz-checksum-algorithm", "MD4"}},
         "Checksum algorithm provided is unsupported. Please try again with any of the valid "
         "types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]"},
    };
    for (const auto& c : cases) {
        auto r = f.c.request("POST", "/bucket/key?uploads", "", c.h);
        CHECK(r.status == 400);
        auto e = xml(r);
        CHECK(text(e, "Code") == "InvalidRequest");
        CHECK(text(e, "Message") == c.message);
    }
    auto list = xml(f.c.request("GET", "/bucket?uploads"));
    CHECK(list.children_named("Upload").empty());
}

TEST_CASE("CreateMultipartUpload headers become the object's headers", "[service]") {
    fixture f;
    auto id = f.create("key", {{"content-type", "text/x-test"},
                               {"cache-control", "max-age=60"},
                               {"content-disposition", "attachment"},
                               {"x-amz-meta-color", "blue"},
                               {"x-amz-storage-class", "STANDARD_IA"},
                               {"x-amz-tagging", "a=1&b=2"}});
    REQUIRE(f.part(id, "1", "data").status == 200);
    REQUIRE(f.complete(id, complete_document({{1, quoted_md5("data")}})).status == 200);
    auto r = f.c.request("GET", "/bucket/key");
    REQUIRE(r.status == 200);
    CHECK(r.body == "data");
    CHECK(r.header("content-type") == "text/x-test");
    CHECK(r.header("cache-control") == "max-age=60");
    CHECK(r.header("content-disposition") == "attachment");
    CHECK(r.header("x-amz-meta-color") == "blue");
    CHECK(r.header("x-amz-storage-class") == "STANDARD_IA");
    CHECK(r.header("x-amz-tagging-count") == "2");
    CHECK(f.c.request("HEAD", "/bucket/key?partNumber=1").header("x-amz-mp-parts-count") == "1");
}
