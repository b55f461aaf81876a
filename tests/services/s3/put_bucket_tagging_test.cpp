// PutBucketTagging: replaces the tag set (204), validation of tags, integrity header, errors.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {

http_response put_tagging(http_client& c, const std::string& bucket, const std::string& body) {
    return c.request("PUT", "/" + bucket + "?tagging", body, {{"content-md5", md5_b64(body)}});
}

} // namespace

TEST_CASE("PutBucketTagging: stores the tag set and answers 204", "[service]") {
    s3_fixture f;
    auto r = put_tagging(f.c, f.bucket, tagging_document({{"env", "dev"}, {"team", "a&amp;b"}}));
    INFO(r.body);
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    auto g = f.c.request("GET", "/" + f.bucket + "?tagging");
    REQUIRE(g.status == 200);
    CHECK(g.body.find("<Tag><Key>env</Key><Value>dev</Value></Tag><Tag><Key>team</Key><Value>"
                      "a&amp;b</Value></Tag>") != std::string::npos);
    // A second put replaces the whole set.
    REQUIRE(put_tagging(f.c, f.bucket, tagging_document({{"only", "1"}})).status == 204);
    g = f.c.request("GET", "/" + f.bucket + "?tagging");
    CHECK(g.body.find("env") == std::string::npos);
    CHECK(xml_find(g.body, "Key") == "only");
    // An x-amz-checksum header is an integrity header too.
    auto body = tagging_document({{"k", "v"}});
    r = f.c.request(
        "PUT", "/" + f.bucket + "?tagging", body,
        {{"x-amz-checksum-crc32", checksum_b64(cloudbox::core::digest_kind::crc32, body)}});
    CHECK(r.status == 204);
}

TEST_CASE("PutBucketTagging: an empty tag set leaves no tags", "[service]") {
    s3_fixture f;
    REQUIRE(put_tagging(f.c, f.bucket, tagging_document({{"a", "1"}})).status == 204);
    REQUIRE(put_tagging(f.c, f.bucket, tagging_document({})).status == 204);
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?tagging"), 404, "NoSuchTagSet");
}

TEST_CASE("PutBucketTagging: tag validation", "[service]") {
    s3_fixture f;
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i < 51; ++i) {
        many.emplace_back("k" + std::to_string(i), "v");
    }
    // The error code is s3_validation's to decide (InvalidTag or BadRequest); the limit is 50.
    auto too_many = put_tagging(f.c, f.bucket, tagging_document(many));
    CHECK(too_many.status == 400);
    CHECK(xml_find(too_many.body, "Message") == "Bucket tag count cannot be greater than 50");
    many.pop_back();
    CHECK(put_tagging(f.c, f.bucket, tagging_document(many)).status == 204);
    check_s3_error(put_tagging(f.c, f.bucket, tagging_document({{"a", "1"}, {"a", "2"}})), 400,
                   "InvalidTag", "Cannot provide multiple Tags with the same key");
    check_s3_error(put_tagging(f.c, f.bucket, tagging_document({{std::string(129, 'k'), "v"}})),
                   400, "InvalidTag", "The TagKey you have provided is invalid");
    check_s3_error(put_tagging(f.c, f.bucket, tagging_document({{"k", std::string(257, 'v')}})),
                   400, "InvalidTag", "The TagValue you have provided is invalid");
    check_s3_error(put_tagging(f.c, f.bucket, tagging_document({{"aws:k", "v"}})), 400,
                   "InvalidTag", "Your TagKey cannot be prefixed with aws:");
    // The failed puts left the 50 tags in place.
    CHECK(f.c.request("GET", "/" + f.bucket + "?tagging").body.find("<Key>k49</Key>") !=
          std::string::npos);
}

TEST_CASE("PutBucketTagging: malformed bodies, integrity and missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(put_tagging(f.c, f.bucket, "<Tagging><TagSet>"), 400, "MalformedXML");
    check_s3_error(put_tagging(f.c, f.bucket, "<Other/>"), 400, "MalformedXML");
    check_s3_error(put_tagging(f.c, f.bucket,
                               "<Tagging><TagSet><Tag><Key>k</Key></Tag>"
                               "</TagSet></Tagging>"),
                   400, "MalformedXML");
    auto body = tagging_document({{"k", "v"}});
    check_s3_error(f.c.request("PUT", "/" + f.bucket + "?tagging", body), 400, "InvalidRequest",
                   "Missing required header for this request: Content-MD5");
    check_s3_error(
        f.c.request("PUT", "/" + f.bucket + "?tagging", body, {{"content-md5", md5_b64("other")}}),
        400, "BadDigest");
    check_s3_error(put_tagging(f.c, "no-such-bucket", body), 404, "NoSuchBucket");
}
