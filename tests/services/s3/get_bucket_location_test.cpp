// GetBucketLocation: the LocationConstraint, empty for us-east-1 (S3's historical answer).
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketLocation: us-east-1 is an empty LocationConstraint", "[service]") {
    test_server srv;
    http_client c(srv.port());
    make_bucket(c, "east");
    auto r = c.request("GET", "/east?location");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(xml_root(r.body) == "LocationConstraint");
    CHECK(xml_find(r.body, "LocationConstraint").empty());
    CHECK(r.body.find("xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"") != std::string::npos);
}

TEST_CASE("GetBucketLocation: other regions are named", "[service]") {
    test_server srv;
    http_client c(srv.port());
    c.region = "eu-central-1";
    REQUIRE(c.request("PUT", "/central",
                      "<CreateBucketConfiguration><LocationConstraint>eu-central-1"
                      "</LocationConstraint></CreateBucketConfiguration>")
                .status == 200);
    auto r = c.request("GET", "/central?location");
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "LocationConstraint") == "eu-central-1");
}

TEST_CASE("GetBucketLocation: a missing bucket is NoSuchBucket", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("GET", "/missing?location");
    check_s3_error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(r.body, "BucketName") == "missing");
}
