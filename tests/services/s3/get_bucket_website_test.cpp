// GetBucketWebsite: NoSuchWebsiteConfiguration and NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketWebsite: NoSuchWebsiteConfiguration and NoSuchBucket", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?website");
    check_s3_error(r, 404, "NoSuchWebsiteConfiguration",
                   "The specified bucket does not have a website configuration");
    CHECK(xml_find(r.body, "BucketName") == f.bucket);
    check_s3_error(f.c.request("GET", "/no-such-bucket?website"), 404, "NoSuchBucket");
}
