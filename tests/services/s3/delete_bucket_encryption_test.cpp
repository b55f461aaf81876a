// DeleteBucketEncryption: back to the SSE-S3 default (204), NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteBucketEncryption: returns to the default", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?encryption";
    std::string body = "<ServerSideEncryptionConfiguration><Rule>"
                       "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms:dsse"
                       "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
                       "</ServerSideEncryptionConfiguration>";
    REQUIRE(f.c.request("PUT", path, body, {{"content-md5", md5_b64(body)}}).status == 200);
    CHECK(xml_find(f.c.request("GET", path).body, "SSEAlgorithm") == "aws:kms:dsse");
    CHECK(f.c.request("DELETE", path).status == 204);
    CHECK(xml_find(f.c.request("GET", path).body, "SSEAlgorithm") == "AES256");
    check_s3_error(f.c.request("DELETE", "/no-such-bucket?encryption"), 404, "NoSuchBucket");
}
