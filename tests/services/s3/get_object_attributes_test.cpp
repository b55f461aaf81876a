// GetObjectAttributes: the attributes named by x-amz-object-attributes, in the model's order,
// the unquoted ETag, Last-Modified, multipart parts, errors.
#include "s3/s3_test_support.hpp"

#include "core/time_format.hpp"

using namespace cloudbox::test;
using cloudbox::core::digest_kind;

namespace {

http_response attributes(http_client& c, const std::string& path, const std::string& names) {
    return c.request("GET", path + "?attributes", "", {{"x-amz-object-attributes", names}});
}

std::vector<std::string> child_names(const std::string& document) {
    std::vector<std::string> out;
    auto doc = cloudbox::protocol::parse_xml(document);
    REQUIRE(doc);
    for (const auto& c : doc->children) {
        out.push_back(c.name);
    }
    return out;
}

// Uploads a two-part object; `checksum` names the upload's algorithm (empty for none).
void multipart(s3_fixture& f, const std::string& key, const std::string& part1,
               const std::string& part2, const std::string& checksum) {
    header_list create_headers;
    if (!checksum.empty()) {
        create_headers.emplace_back("x-amz-checksum-algorithm", checksum);
    }
    auto init = f.c.request("POST", f.path(key) + "?uploads", "", create_headers);
    INFO(init.body);
    REQUIRE(init.status == 200);
    std::string id = xml_find(init.body, "UploadId");
    std::string parts;
    int n = 0;
    for (const auto* data : {&part1, &part2}) {
        ++n;
        header_list h;
        std::string value;
        if (checksum == "CRC32") {
            value = checksum_b64(digest_kind::crc32, *data);
            h.emplace_back("x-amz-checksum-crc32", value);
        }
        auto r = f.c.request(
            "PUT", f.path(key) + "?partNumber=" + std::to_string(n) + "&uploadId=" + id, *data, h);
        INFO(r.body);
        REQUIRE(r.status == 200);
        parts += "<Part><PartNumber>" + std::to_string(n) + "</PartNumber><ETag>" +
                 r.header("etag") + "</ETag>" +
                 (value.empty() ? "" : "<ChecksumCRC32>" + value + "</ChecksumCRC32>") + "</Part>";
    }
    auto done = f.c.request("POST", f.path(key) + "?uploadId=" + id,
                            "<CompleteMultipartUpload>" + parts + "</CompleteMultipartUpload>");
    INFO(done.body);
    REQUIRE(done.status == 200);
}

} // namespace

TEST_CASE("GetObjectAttributes: answers the requested attributes in the model's order",
          "[service]") {
    s3_fixture f;
    auto& clock = f.srv.app().clock();
    clock.freeze();
    clock.set(*cloudbox::core::parse_http_date("Thu, 02 Jan 2025 03:04:05 GMT"));
    const std::string data = "attribute data";
    put_object(f.c, f.bucket, "obj", data,
               {{"x-amz-checksum-sha256", checksum_b64(digest_kind::sha256, data)},
                {"x-amz-storage-class", "STANDARD_IA"}});
    // Asked for in another order; answered in ETag, Checksum, StorageClass, ObjectSize order.
    auto r = attributes(f.c, f.path("obj"), "ObjectSize,StorageClass,Checksum,ETag,ObjectParts");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.header("last-modified") == "Thu, 02 Jan 2025 03:04:05 GMT");
    CHECK(r.body.find("<GetObjectAttributesResponse "
                      "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">") != std::string::npos);
    CHECK(child_names(r.body) ==
          std::vector<std::string>{"ETag", "Checksum", "StorageClass", "ObjectSize"});
    CHECK(xml_find(r.body, "ETag") == md5_hex(data)); // no quotes in this answer
    CHECK(xml_find(r.body, "ChecksumSHA256") == checksum_b64(digest_kind::sha256, data));
    CHECK(xml_find(r.body, "ChecksumType") == "FULL_OBJECT");
    CHECK(xml_find(r.body, "StorageClass") == "STANDARD_IA");
    CHECK(xml_find(r.body, "ObjectSize") == std::to_string(data.size()));

    // Only what was asked for; no Checksum element for an object without one.
    put_object(f.c, f.bucket, "plain", "x");
    r = attributes(f.c, f.path("plain"), "Checksum, ObjectSize");
    REQUIRE(r.status == 200);
    CHECK(child_names(r.body) == std::vector<std::string>{"ObjectSize"});
}

TEST_CASE("GetObjectAttributes: multipart objects report their parts", "[service]") {
    s3_fixture f;
    const std::string part1 = random_bytes(5 * 1024 * 1024, 11);
    const std::string part2 = "last part";
    multipart(f, "plain-mp", part1, part2, "");
    auto r = attributes(f.c, f.path("plain-mp"), "ObjectParts,ObjectSize,ETag");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(child_names(r.body) == std::vector<std::string>{"ETag", "ObjectParts", "ObjectSize"});
    CHECK(xml_find(r.body, "ETag").ends_with("-2"));
    CHECK(xml_find(r.body, "PartsCount") == "2");
    CHECK(r.body.find("<Part>") == std::string::npos); // no checksums: no part list

    multipart(f, "crc-mp", part1, part2, "CRC32");
    r = attributes(f.c, f.path("crc-mp"), "ObjectParts,Checksum");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "PartsCount") == "2");
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    const auto* parts = doc->child("ObjectParts");
    REQUIRE(parts != nullptr);
    if (xml_find(r.body, "ChecksumType") == "COMPOSITE") {
        auto listed = parts->children_named("Part");
        REQUIRE(listed.size() == 2);
        CHECK(listed[0]->child_text("PartNumber") == "1");
        CHECK(listed[0]->child_text("Size") == std::to_string(part1.size()));
        CHECK(listed[0]->child_text("ChecksumCRC32") == checksum_b64(digest_kind::crc32, part1));
        CHECK(listed[1]->child_text("ChecksumCRC32") == checksum_b64(digest_kind::crc32, part2));
        CHECK(parts->child_text("IsTruncated") == "false");
        // The composite checksum is answered without its "-N" suffix.
        CHECK(xml_find(r.body, "ChecksumCRC32").find('-') == std::string::npos);

        auto page = f.c.request("GET", f.path("crc-mp") + "?attributes", "",
                                {{"x-amz-object-attributes", "ObjectParts"},
                                 {"x-amz-max-parts", "1"},
                                 {"x-amz-part-number-marker", "0"}});
        REQUIRE(page.status == 200);
        CHECK(xml_find(page.body, "IsTruncated") == "true");
        CHECK(xml_find(page.body, "NextPartNumberMarker") == "1");
        CHECK(xml_find(page.body, "MaxParts") == "1");
    }
}

TEST_CASE("GetObjectAttributes: errors", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data");
    auto r = attributes(f.c, f.path("obj"), "ETag,Colour");
    check_s3_error(r, 400, "InvalidArgument", "Invalid attribute name specified.");
    CHECK(xml_find(r.body, "ArgumentName") == "x-amz-object-attributes");
    check_s3_error(f.c.request("GET", f.path("obj") + "?attributes"), 400, "InvalidArgument",
                   "Invalid attribute name specified.");
    r = attributes(f.c, f.path("nope"), "ETag");
    check_s3_error(r, 404, "NoSuchKey", "The specified key does not exist.");
    CHECK(xml_find(r.body, "Key") == "nope");
    check_s3_error(attributes(f.c, "/no-such-bucket/k", "ETag"), 404, "NoSuchBucket");
    check_s3_error(f.c.request("GET", f.path("obj") + "?attributes&versionId=abc", "",
                               {{"x-amz-object-attributes", "ETag"}}),
                   400, "InvalidArgument", "Invalid version id specified");
}
