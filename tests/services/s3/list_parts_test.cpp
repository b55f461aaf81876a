// ListParts: GET /bucket/key?uploadId=X.
#include "multipart_support.hpp"

#include <chrono>

using namespace cloudbox::test;
using namespace cloudbox::test::multipart;

TEST_CASE("ListParts lists the parts in ascending order with the upload's details", "[service]") {
    fixture f;
    auto& clock = f.srv.app().clock();
    clock.freeze();
    clock.set(std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)));
    auto id = f.create("folder/key", {{"x-amz-storage-class", "ONEZONE_IA"}});

    auto r = f.list_parts(id, "", "folder/key");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    auto expected_start = "<ListPartsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                          "<Bucket>bucket</Bucket><Key>folder/key</Key><UploadId>" +
                          id +
                          "</UploadId><PartNumberMarker>0</PartNumberMarker>"
                          "<NextPartNumberMarker>0</NextPartNumberMarker><MaxParts>1000</MaxParts>"
                          "<IsTruncated>false</IsTruncated><Initiator><ID>";
    CHECK(r.body.find(expected_start) != std::string::npos);
    auto doc = xml(r);
    CHECK(text(*doc.child("Initiator"), "DisplayName") == text(*doc.child("Owner"), "DisplayName"));
    CHECK(text(*doc.child("Owner"), "ID").size() == 64);
    CHECK(text(doc, "StorageClass") == "ONEZONE_IA");
    CHECK_FALSE(doc.child("ChecksumAlgorithm"));

    for (int n : {8, 1, 5, 3, 2}) {
        // S3 lists whole seconds: the 250 ms are not shown.
        clock.set(std::chrono::system_clock::time_point(std::chrono::seconds(1767225600 + n)) +
                  std::chrono::milliseconds(250));
        REQUIRE(f.part(id, std::to_string(n), std::string(static_cast<std::size_t>(n), 'x'), {},
                       "folder/key")
                    .status == 200);
    }
    doc = xml(f.list_parts(id, "&max-parts=5000", "folder/key"));
    CHECK(text(doc, "MaxParts") == "1000");
    CHECK(text(doc, "NextPartNumberMarker") == "8");
    CHECK(text(doc, "IsTruncated") == "false");
    auto parts = doc.children_named("Part");
    REQUIRE(parts.size() == 5);
    std::vector<int> numbers{1, 2, 3, 5, 8};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        int n = numbers[i];
        CHECK(text(*parts[i], "PartNumber") == std::to_string(n));
        CHECK(text(*parts[i], "LastModified") ==
              "2026-01-01T00:00:0" + std::to_string(n) + ".000Z");
        CHECK(text(*parts[i], "ETag") == quoted_md5(std::string(static_cast<std::size_t>(n), 'x')));
        CHECK(text(*parts[i], "Size") == std::to_string(n));
    }
}

TEST_CASE("ListParts pages with max-parts and part-number-marker", "[service]") {
    fixture f;
    auto id = f.create();
    for (int n : {8, 1, 5, 3, 2}) {
        REQUIRE(f.part(id, std::to_string(n), "x").status == 200);
    }
    struct page {
        std::string marker;
        std::string max;
        std::string expected;
    };
    std::vector<page> pages{
        {"0", "2", "0: 1,2, next 2 true"}, {"2", "2", "2: 3,5, next 5 true"},
        {"5", "2", "5: 8, next 8 false"},  {"8", "2", "8: next 0 false"}, // past the last part: 0
        {"10", "2", "10: next 0 false"},   {"3", "0", "3: next 3 false"}};
    for (const auto& p : pages) {
        auto doc = xml(f.list_parts(id, "&max-parts=" + p.max + "&part-number-marker=" + p.marker));
        std::string got = text(doc, "PartNumberMarker") + ": ";
        for (const auto* part : doc.children_named("Part")) {
            got += text(*part, "PartNumber") + ",";
        }
        got += (doc.children_named("Part").empty() ? "" : " ") + std::string("next ") +
               text(doc, "NextPartNumberMarker") + " " + text(doc, "IsTruncated");
        CHECK(got == p.expected);
        CHECK(text(doc, "MaxParts") == p.max);
    }
}

TEST_CASE("ListParts takes empty list arguments as absent", "[service]") {
    fixture f;
    auto id = f.create();
    REQUIRE(f.part(id, "1", "x").status == 200);
    auto doc = xml(f.list_parts(id, "&max-parts=&part-number-marker="));
    CHECK(text(doc, "PartNumberMarker") == "0");
    CHECK(text(doc, "MaxParts") == "1000");
    CHECK(doc.children_named("Part").size() == 1);
}

TEST_CASE("ListParts refuses list arguments outside 0..2147483647", "[service]") {
    fixture f;
    auto id = f.create();
    for (auto [name, value] :
         std::vector<std::pair<std::string, std::string>>{{"max-parts", "-1"},
                                                          {"max-parts", "two"},
                                                          {"part-number-marker", "x"},
                                                          {"max-parts", "2147483648"}}) {
        auto r = f.list_parts(id, "&" + name + "=" + value);
        CHECK(r.status == 400);
        auto e = xml(r);
        CHECK(text(e, "Code") == "InvalidArgument");
        CHECK(text(e, "Message") ==
              "Argument " + name + " must be an integer between 0 and 2147483647");
        CHECK(text(e, "ArgumentName") == name);
        CHECK(text(e, "ArgumentValue") == value);
    }
}

TEST_CASE("ListParts shows the checksums of an upload with an algorithm", "[service]") {
    fixture f;
    auto id = f.create("key", {{"x-amz-checksum-algorithm", "CRC32C"}});
    REQUIRE(f.part(id, "1", "one").status == 200);
    auto r = f.list_parts(id);
    auto doc = xml(r);
    auto crc = cloudbox::core::base64_encode(
        cloudbox::core::digest(cloudbox::core::digest_kind::crc32c, "one"));
    CHECK(text(*doc.child("Part"), "ChecksumCRC32C") == crc);
    CHECK(r.body.find("<StorageClass>STANDARD</StorageClass><ChecksumAlgorithm>CRC32C</"
                      "ChecksumAlgorithm><ChecksumType>COMPOSITE</ChecksumType></"
                      "ListPartsResult>") != std::string::npos);
}

TEST_CASE("ListParts answers NoSuchUpload and NoSuchBucket", "[service]") {
    fixture f;
    auto id = f.create("other");
    auto r = f.list_parts(id);
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchUpload");
    r = f.c.request("GET", "/no-such-bucket/key?uploadId=" + id);
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchBucket");
}
