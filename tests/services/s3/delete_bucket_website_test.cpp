// DeleteBucketWebsite: removes the configuration (204, also when there was none), NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteBucketWebsite: removes the configuration", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?website";
    REQUIRE(f.c.request("PUT", path,
                        "<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix>"
                        "</IndexDocument></WebsiteConfiguration>")
                .status == 200);
    CHECK(f.c.request("DELETE", path).status == 204);
    check_s3_error(f.c.request("GET", path), 404, "NoSuchWebsiteConfiguration");
    CHECK(f.c.request("DELETE", path).status == 204);
    check_s3_error(f.c.request("DELETE", "/no-such-bucket?website"), 404, "NoSuchBucket");
}
