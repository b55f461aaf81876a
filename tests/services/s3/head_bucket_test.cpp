// HeadBucket: 200 with the bucket's region, or a bare 404 (HEAD responses carry no body).
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("HeadBucket: an existing bucket is 200 with its region and no body", "[service]") {
    test_server srv;
    http_client c(srv.port());
    make_bucket(c, "present");
    auto r = c.request("HEAD", "/present");
    CHECK(r.status == 200);
    CHECK(r.header("x-amz-bucket-region") == "us-east-1");
    CHECK(r.header("x-amz-access-point-alias") == "false");
    CHECK(r.body.empty());
    CHECK(!r.header("x-amz-request-id").empty());
}

TEST_CASE("HeadBucket: a bucket in another region reports that region", "[service]") {
    test_server srv;
    http_client c(srv.port());
    c.region = "us-west-2";
    REQUIRE(c.request("PUT", "/western",
                      "<CreateBucketConfiguration><LocationConstraint>us-west-2"
                      "</LocationConstraint></CreateBucketConfiguration>")
                .status == 200);
    http_client east(srv.port());
    CHECK(east.request("HEAD", "/western").header("x-amz-bucket-region") == "us-west-2");
}

TEST_CASE("HeadBucket: a missing bucket is 404 without a body", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("HEAD", "/absent");
    CHECK(r.status == 404);
    CHECK(r.body.empty());
    CHECK(r.header("content-length") == "0");
    CHECK(!r.header("x-amz-request-id").empty());
    // The connection stays usable after a bodiless error.
    make_bucket(c, "absent");
    CHECK(c.request("HEAD", "/absent").status == 200);
}
