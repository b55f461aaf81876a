// DeleteBucket: 204 for an empty bucket, BucketNotEmpty while objects remain, NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteBucket: an empty bucket is deleted with 204", "[service]") {
    test_server srv;
    http_client c(srv.port());
    make_bucket(c, "doomed");
    auto r = c.request("DELETE", "/doomed");
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    CHECK(!r.header("x-amz-request-id").empty());
    CHECK(c.request("HEAD", "/doomed").status == 404);
    // The name can be reused.
    make_bucket(c, "doomed");
}

TEST_CASE("DeleteBucket: a bucket with objects is BucketNotEmpty", "[service]") {
    test_server srv;
    http_client c(srv.port());
    make_bucket(c, "full");
    put_object(c, "full", "a/b.txt", "data");
    auto r = c.request("DELETE", "/full");
    check_s3_error(r, 409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
    CHECK(xml_find(r.body, "BucketName") == "full");
    CHECK(c.request("GET", "/full/a/b.txt").body == "data");

    REQUIRE(c.request("DELETE", "/full/a/b.txt").status == 204);
    CHECK(c.request("DELETE", "/full").status == 204);
}

TEST_CASE("DeleteBucket: a missing bucket is NoSuchBucket", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("DELETE", "/never-made");
    check_s3_error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(r.body, "BucketName") == "never-made");
}
