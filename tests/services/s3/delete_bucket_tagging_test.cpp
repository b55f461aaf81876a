// DeleteBucketTagging: removes the tag set (204, also when there was none), NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteBucketTagging: removes the tags", "[service]") {
    s3_fixture f;
    std::string body = "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet>"
                       "</Tagging>";
    REQUIRE(f.c.request("PUT", "/" + f.bucket + "?tagging", body, {{"content-md5", md5_b64(body)}})
                .status == 204);
    auto r = f.c.request("DELETE", "/" + f.bucket + "?tagging");
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?tagging"), 404, "NoSuchTagSet");
    // Deleting again is still 204; the bucket itself is untouched.
    CHECK(f.c.request("DELETE", "/" + f.bucket + "?tagging").status == 204);
    CHECK(f.c.request("HEAD", "/" + f.bucket).status == 200);
}

TEST_CASE("DeleteBucketTagging: missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("DELETE", "/no-such-bucket?tagging"), 404, "NoSuchBucket");
}
