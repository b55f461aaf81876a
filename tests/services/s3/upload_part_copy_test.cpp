// UploadPartCopy: PUT /bucket/key?partNumber=N&uploadId=X with x-amz-copy-source.
#include "multipart_support.hpp"

using namespace cloudbox::test;
using namespace cloudbox::test::multipart;

TEST_CASE("UploadPartCopy makes parts from objects and ranges of objects", "[service]") {
    fixture f;
    const std::string big(5 * mib, 'A');
    const std::string source = big + "0123456789";
    REQUIRE(f.c.request("PUT", "/bucket/folder/the%20source", source).status == 200);
    REQUIRE(f.c.request("PUT", "/bucket/small", "tiny").status == 200);
    auto id = f.create();

    struct copy_case {
        std::string number;
        std::string source;
        std::string range;
        std::string content;
    };
    std::vector<copy_case> cases{
        {"1", "/bucket/folder/the%20source", "bytes=0-5242879", big},
        {"2", "bucket/folder/the%20source", "", source},
        {"3", "bucket/folder%2Fthe%20source?versionId=null", "bytes=6-5242885",
         source.substr(6, 5 * mib)},
        {"4", "bucket/small", "", "tiny"},
    };
    for (const auto& c : cases) {
        headers h;
        if (!c.range.empty()) {
            h.emplace_back("x-amz-copy-source-range", c.range);
        }
        auto r = f.copy(id, c.number, c.source, h);
        INFO(c.source << " " << r.body);
        REQUIRE(r.status == 200);
        auto doc = xml(r);
        CHECK(doc.name == "CopyPartResult");
        CHECK(text(doc, "ETag") == quoted_md5(c.content));
        CHECK(text(doc, "LastModified").size() == 24);
        CHECK(r.body.find("<CopyPartResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                          "<ETag>") != std::string::npos);
    }
    std::vector<listed_part> parts;
    std::vector<std::string> contents;
    for (const auto& c : cases) {
        parts.push_back({std::stoi(c.number), quoted_md5(c.content)});
        contents.push_back(c.content);
    }
    auto r = f.complete(id, complete_document(parts));
    REQUIRE(r.status == 200);
    CHECK(text(xml(r), "ETag") == multipart_etag(contents));
    r = f.c.request("GET", "/bucket/key");
    CHECK(r.body == big + source + source.substr(6, 5 * mib) + "tiny");
}

TEST_CASE("UploadPartCopy copies a range across the parts of a multipart object", "[service]") {
    fixture f;
    const std::string a(5 * mib, 'a');
    const std::string b = "bbbbbbbbbb";
    auto src = f.create("src");
    REQUIRE(f.part(src, "1", a, {}, "src").status == 200);
    REQUIRE(f.part(src, "2", b, {}, "src").status == 200);
    REQUIRE(f.complete(src, complete_document({{1, quoted_md5(a)}, {2, quoted_md5(b)}}), {}, "src")
                .status == 200);

    auto id = f.create("key", {{"x-amz-checksum-algorithm", "CRC32"}});
    auto first = std::to_string(5 * mib - 3);
    auto r =
        f.copy(id, "1", "bucket/src", {{"x-amz-copy-source-range", "bytes=" + first + "-5242884"}});
    REQUIRE(r.status == 200);
    const std::string expected = "aaabbbbb";
    auto crc = cloudbox::core::base64_encode(
        cloudbox::core::digest(cloudbox::core::digest_kind::crc32, expected));
    auto doc = xml(r);
    CHECK(text(doc, "ETag") == quoted_md5(expected));
    CHECK(text(doc, "ChecksumCRC32") == crc);
    r = f.complete(id, complete_document({{1, quoted_md5(expected),
                                           "<ChecksumCRC32>" + crc + "</ChecksumCRC32>"}}));
    REQUIRE(r.status == 200);
    CHECK(f.c.request("GET", "/bucket/key").body == expected);
}

TEST_CASE("UploadPartCopy refuses ranges that are malformed or outside the source", "[service]") {
    fixture f;
    REQUIRE(f.c.request("PUT", "/bucket/source", "0123456789").status == 200);
    auto id = f.create();
    for (std::string range : {"0-2", "bytes=0", "bytes=-2", "bytes=a-z", "bytes=0-z", "bytes=a-",
                              "bytes=0-2,3-5", "bytes=2-"}) {
        auto r = f.copy(id, "1", "bucket/source", {{"x-amz-copy-source-range", range}});
        CHECK(r.status == 400);
        auto e = xml(r);
        CHECK(text(e, "Code") == "InvalidArgument");
        CHECK(text(e, "Message") ==
              "The x-amz-copy-source-range value must be of the form bytes=first-last where first "
              "and last are the zero-based offsets of the first and last bytes to copy");
        CHECK(text(e, "ArgumentName") == "x-amz-copy-source-range");
        CHECK(text(e, "ArgumentValue") == range);
    }
    for (std::string range : {"bytes=0-10", "bytes=10-12", "bytes=5-2"}) {
        auto r = f.copy(id, "1", "bucket/source", {{"x-amz-copy-source-range", range}});
        CHECK(r.status == 400);
        auto e = xml(r);
        CHECK(text(e, "Code") == "InvalidArgument");
        CHECK(text(e, "Message") == "Range specified is not valid for source object of size: 10");
    }
    CHECK(xml(f.list_parts(id)).children_named("Part").empty());
}

TEST_CASE("UploadPartCopy answers the errors of its source, upload and part number", "[service]") {
    fixture f;
    REQUIRE(f.c.request("PUT", "/bucket/source", "0123456789").status == 200);
    auto id = f.create();
    auto r = f.copy(id, "1", "bucket/missing");
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchKey");
    CHECK(text(xml(r), "Key") == "missing");
    r = f.copy(id, "1", "no-such-bucket/source");
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchBucket");
    // Buckets are unversioned: any version but "null" is refused, as CopyObject refuses it.
    r = f.copy(id, "1", "bucket/source?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
    CHECK(r.status == 400);
    CHECK(error_code(r) == "InvalidArgument");
    r = f.copy(id, "1", "bucket");
    CHECK(r.status == 400);
    CHECK(error_code(r) == "InvalidArgument");
    r = f.copy(std::string(64, '0'), "1", "bucket/source");
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchUpload");
    r = f.copy(id, "0", "bucket/source");
    CHECK(r.status == 400);
    CHECK(text(xml(r), "ArgumentName") == "partNumber");
}

TEST_CASE("UploadPartCopy honours the x-amz-copy-source-if-* conditions", "[service]") {
    fixture f;
    REQUIRE(f.c.request("PUT", "/bucket/source", "0123456789").status == 200);
    auto etag = quoted_md5("0123456789");
    auto id = f.create();
    struct condition_case {
        std::string header;
        std::string value;
        std::string failed; // empty: the copy happens
    };
    std::vector<condition_case> cases{
        {"x-amz-copy-source-if-match", "\"0000\"", "x-amz-copy-source-If-Match"},
        {"x-amz-copy-source-if-match", etag, ""},
        {"x-amz-copy-source-if-none-match", etag, "x-amz-copy-source-If-None-Match"},
        {"x-amz-copy-source-if-none-match", "\"0000\"", ""},
        // A date in the future is ignored (RFC 7232), as for CopyObject.
        {"x-amz-copy-source-if-modified-since", "Sat, 01 Jan 2050 00:00:00 GMT", ""},
        {"x-amz-copy-source-if-unmodified-since", "Sat, 01 Jan 2000 00:00:00 GMT",
         "x-amz-copy-source-If-Unmodified-Since"},
        {"x-amz-copy-source-if-unmodified-since", "Sat, 01 Jan 2050 00:00:00 GMT", ""},
    };
    for (const auto& c : cases) {
        auto r = f.copy(id, "1", "bucket/source", {{c.header, c.value}});
        if (c.failed.empty()) {
            CHECK(r.status == 200);
        } else {
            CHECK(r.status == 412);
            auto e = xml(r);
            CHECK(text(e, "Code") == "PreconditionFailed");
            CHECK(text(e, "Condition") == c.failed);
        }
    }
    // If-Match that holds wins over a failing If-Unmodified-Since.
    auto r = f.copy(id, "1", "bucket/source",
                    {{"x-amz-copy-source-if-match", etag},
                     {"x-amz-copy-source-if-unmodified-since", "Sat, 01 Jan 2000 00:00:00 GMT"}});
    CHECK(r.status == 200);
}
