// DeleteBucketPolicy: removes the policy (204, also when there was none), NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteBucketPolicy: removes the policy", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?policy";
    REQUIRE(f.c.request("PUT", path, R"({"Statement": [{"Effect": "Allow"}]})").status == 204);
    auto r = f.c.request("DELETE", path);
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    check_s3_error(f.c.request("GET", path), 404, "NoSuchBucketPolicy");
    CHECK(f.c.request("DELETE", path).status == 204);
    check_s3_error(f.c.request("DELETE", "/no-such-bucket?policy"), 404, "NoSuchBucket");
}
