// GetBucketEncryption: SSE-S3 by default (as S3 since 2023), the put configuration, NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketEncryption: every bucket has SSE-S3 by default", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?encryption");
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.body == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<ServerSideEncryptionConfiguration "
                    "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>"
                    "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                    "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false"
                    "</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>");
    check_s3_error(f.c.request("GET", "/no-such-bucket?encryption"), 404, "NoSuchBucket");
}
