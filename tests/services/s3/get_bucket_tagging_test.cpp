// GetBucketTagging: the stored tag set in order, NoSuchTagSet, NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketTagging: returns the tag set as put", "[service]") {
    s3_fixture f;
    std::string body = "<Tagging><TagSet><Tag><Key>z</Key><Value>1</Value></Tag><Tag><Key>a</Key>"
                       "<Value></Value></Tag></TagSet></Tagging>";
    REQUIRE(f.c.request("PUT", "/" + f.bucket + "?tagging", body, {{"content-md5", md5_b64(body)}})
                .status == 204);
    auto r = f.c.request("GET", "/" + f.bucket + "?tagging");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.body == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag>"
                    "<Key>z</Key><Value>1</Value></Tag><Tag><Key>a</Key><Value></Value></Tag>"
                    "</TagSet></Tagging>");
}

TEST_CASE("GetBucketTagging: NoSuchTagSet without tags, NoSuchBucket", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?tagging");
    check_s3_error(r, 404, "NoSuchTagSet", "The TagSet does not exist");
    CHECK(xml_find(r.body, "BucketName") == f.bucket);
    check_s3_error(f.c.request("GET", "/no-such-bucket?tagging"), 404, "NoSuchBucket");
}

TEST_CASE("GetBucketTagging: tags go with the bucket", "[service]") {
    s3_fixture f;
    std::string body = "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet>"
                       "</Tagging>";
    REQUIRE(f.c.request("PUT", "/" + f.bucket + "?tagging", body, {{"content-md5", md5_b64(body)}})
                .status == 204);
    REQUIRE(f.c.request("DELETE", "/" + f.bucket).status == 204);
    REQUIRE(f.c.request("PUT", "/" + f.bucket).status == 200);
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?tagging"), 404, "NoSuchTagSet");
}
