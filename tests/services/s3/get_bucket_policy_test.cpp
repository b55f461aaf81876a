// GetBucketPolicy: the stored document, NoSuchBucketPolicy, NoSuchBucket; kept across restarts.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketPolicy: NoSuchBucketPolicy and NoSuchBucket", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?policy");
    check_s3_error(r, 404, "NoSuchBucketPolicy", "The bucket policy does not exist");
    CHECK(xml_find(r.body, "BucketName") == f.bucket);
    check_s3_error(f.c.request("GET", "/no-such-bucket?policy"), 404, "NoSuchBucket");
}

TEST_CASE("GetBucketPolicy: the policy survives a restart", "[service]") {
    temp_dir dir;
    std::string policy = R"({"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*"}]})";
    {
        test_server srv(on_disk(dir));
        http_client c(srv.port());
        make_bucket(c, "durable-policy");
        REQUIRE(c.request("PUT", "/durable-policy?policy", policy).status == 204);
    }
    test_server srv(on_disk(dir));
    http_client c(srv.port());
    auto r = c.request("GET", "/durable-policy?policy");
    CHECK(r.status == 200);
    CHECK(r.body == policy);
}
