// PutObjectTagging: replaces the tag set, validation of the Tagging document, errors.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {

http_response put_tags(http_client& c, const std::string& path, const std::string& body) {
    return c.request("PUT", path + "?tagging", body, {{"content-md5", md5_b64(body)}});
}

} // namespace

TEST_CASE("PutObjectTagging: replaces the whole tag set and keeps Last-Modified", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data", {{"x-amz-tagging", "old=1"}});
    auto before = f.c.request("HEAD", f.path("obj"));
    auto r = put_tags(f.c, f.path("obj"), tagging_document({{"a", "1"}, {"b", ""}}));
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.body.empty());
    auto t = f.c.request("GET", f.path("obj") + "?tagging");
    CHECK(t.body.find("<TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>"
                      "</Value></Tag></TagSet>") != std::string::npos);
    auto after = f.c.request("HEAD", f.path("obj"));
    CHECK(after.header("x-amz-tagging-count") == "2");
    CHECK(after.header("last-modified") == before.header("last-modified"));
    CHECK(after.header("etag") == before.header("etag"));

    // An empty TagSet removes every tag.
    REQUIRE(put_tags(f.c, f.path("obj"), tagging_document({})).status == 200);
    CHECK(!f.c.request("HEAD", f.path("obj")).has_header("x-amz-tagging-count"));
}

TEST_CASE("PutObjectTagging: validates the tags", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data");
    std::vector<std::pair<std::string, std::string>> eleven;
    for (int i = 0; i < 11; ++i) {
        eleven.emplace_back("k" + std::to_string(i), "v");
    }
    // S3's code for this one is BadRequest.
    check_s3_error(put_tags(f.c, f.path("obj"), tagging_document(eleven)), 400, "BadRequest",
                   "Object tags cannot be greater than 10");
    eleven.pop_back();
    CHECK(put_tags(f.c, f.path("obj"), tagging_document(eleven)).status == 200);
    check_s3_error(put_tags(f.c, f.path("obj"), tagging_document({{"a", "1"}, {"a", "2"}})), 400,
                   "InvalidTag", "Cannot provide multiple Tags with the same key");
    check_s3_error(put_tags(f.c, f.path("obj"), tagging_document({{std::string(129, 'k'), "1"}})),
                   400, "InvalidTag", "The TagKey you have provided is invalid");
    check_s3_error(put_tags(f.c, f.path("obj"), "<Tagging><TagSet>"), 400, "MalformedXML");
    check_s3_error(put_tags(f.c, f.path("obj"), "<Tagging></Tagging>"), 400, "MalformedXML");
    auto body = tagging_document({{"a", "1"}});
    check_s3_error(
        f.c.request("PUT", f.path("obj") + "?tagging", body, {{"content-md5", md5_b64("x")}}), 400,
        "BadDigest");
    // Without an integrity header the tags are still accepted.
    CHECK(f.c.request("PUT", f.path("obj") + "?tagging", body).status == 200);
}

TEST_CASE("PutObjectTagging: missing key or bucket", "[service]") {
    s3_fixture f;
    auto r = put_tags(f.c, f.path("nope"), tagging_document({{"a", "1"}}));
    check_s3_error(r, 404, "NoSuchKey");
    CHECK(xml_find(r.body, "Key") == "nope");
    check_s3_error(put_tags(f.c, "/no-such-bucket/k", tagging_document({{"a", "1"}})), 404,
                   "NoSuchBucket");
}
