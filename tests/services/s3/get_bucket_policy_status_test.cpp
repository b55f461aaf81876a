// GetBucketPolicyStatus: IsPublic from the stored policy; NoSuchBucketPolicy without one.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketPolicyStatus: public and private policies", "[service]") {
    s3_fixture f;
    auto status = "/" + f.bucket + "?policyStatus";
    check_s3_error(f.c.request("GET", status), 404, "NoSuchBucketPolicy",
                   "The bucket policy does not exist");
    auto policy = "/" + f.bucket + "?policy";
    REQUIRE(f.c.request("PUT", policy,
                        R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"},
                            "Action": "s3:GetObject"}})")
                .status == 204);
    auto r = f.c.request("GET", status);
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(xml_root(r.body) == "PolicyStatus");
    CHECK(xml_find(r.body, "IsPublic") == "true");
    REQUIRE(f.c.request("PUT", policy,
                        R"({"Statement": [{"Effect": "Allow", "Principal":
                            {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:*"}]})")
                .status == 204);
    CHECK(xml_find(f.c.request("GET", status).body, "IsPublic") == "false");
    check_s3_error(f.c.request("GET", "/no-such-bucket?policyStatus"), 404, "NoSuchBucket");
}
