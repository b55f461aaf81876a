// DeleteBucketLifecycle: removes the rules (204, also when there were none), NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteBucketLifecycle: removes the rules", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?lifecycle";
    std::string body = "<LifecycleConfiguration><Rule><Prefix></Prefix><Status>Disabled</Status>"
                       "<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>";
    REQUIRE(f.c.request("PUT", path, body, {{"content-md5", md5_b64(body)}}).status == 200);
    CHECK(f.c.request("DELETE", path).status == 204);
    check_s3_error(f.c.request("GET", path), 404, "NoSuchLifecycleConfiguration");
    CHECK(f.c.request("DELETE", path).status == 204);
    check_s3_error(f.c.request("DELETE", "/no-such-bucket?lifecycle"), 404, "NoSuchBucket");
}
