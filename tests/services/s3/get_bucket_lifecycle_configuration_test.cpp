// GetBucketLifecycleConfiguration: NoSuchLifecycleConfiguration and NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketLifecycleConfiguration: NoSuchLifecycleConfiguration and NoSuchBucket",
          "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?lifecycle");
    check_s3_error(r, 404, "NoSuchLifecycleConfiguration",
                   "The lifecycle configuration does not exist");
    CHECK(xml_find(r.body, "BucketName") == f.bucket);
    check_s3_error(f.c.request("GET", "/no-such-bucket?lifecycle"), 404, "NoSuchBucket");
}
