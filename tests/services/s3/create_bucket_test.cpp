// CreateBucket: bucket naming rules, LocationConstraint rules, re-creation, Location header.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {

std::string location_body(const std::string& region) {
    return "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
           "<LocationConstraint>" +
           region + "</LocationConstraint></CreateBucketConfiguration>";
}

} // namespace

TEST_CASE("CreateBucket: creates a bucket with Location /name in us-east-1", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("PUT", "/my-bucket");
    CHECK(r.status == 200);
    CHECK(r.header("location") == "/my-bucket");
    CHECK(r.body.empty());
    CHECK(!r.header("x-amz-request-id").empty());
    CHECK(c.request("HEAD", "/my-bucket").status == 200);
}

TEST_CASE("CreateBucket: names of 3 and 63 characters with dots and dashes are valid",
          "[service]") {
    test_server srv;
    http_client c(srv.port());
    CHECK(c.request("PUT", "/abc").status == 200);
    CHECK(c.request("PUT", "/" + std::string(63, 'a')).status == 200);
    CHECK(c.request("PUT", "/my.bucket-1.example").status == 200);
    CHECK(c.request("PUT", "/1bucket").status == 200);
}

TEST_CASE("CreateBucket: invalid names are InvalidBucketName", "[service]") {
    test_server srv;
    http_client c(srv.port());
    const char* names[] = {
        "MyBucket",       // upper case
        "ab",             // too short
        "a",              // too short
        "192.168.5.4",    // formatted as an IP address
        "my..bucket",     // adjacent periods
        "-bucket",        // leading '-'
        "bucket-",        // trailing '-'
        ".bucket",        // leading '.'
        "my_bucket",      // underscore
        "my.-bucket",     // period next to a dash
        "xn--bucket",     // reserved prefix
        "bucket-s3alias", // reserved suffix
    };
    for (std::string name : names) {
        INFO(name);
        auto r = c.request("PUT", "/" + name);
        check_s3_error(r, 400, "InvalidBucketName", "The specified bucket is not valid.");
        CHECK(xml_find(r.body, "BucketName") == name);
    }
    std::string too_long(64, 'a');
    auto r = c.request("PUT", "/" + too_long);
    check_s3_error(r, 400, "InvalidBucketName", "The specified bucket is not valid.");
    CHECK(xml_find(r.body, "BucketName") == too_long);
    // Nothing was created.
    auto list = c.request("GET", "/");
    CHECK(list.body.find("<Bucket>") == std::string::npos);
}

TEST_CASE("CreateBucket: re-creating an owned bucket in us-east-1 is 200 (legacy behaviour)",
          "[service]") {
    test_server srv;
    http_client c(srv.port());
    REQUIRE(c.request("PUT", "/again").status == 200);
    auto r = c.request("PUT", "/again");
    CHECK(r.status == 200);
    CHECK(r.header("location") == "/again");
}

TEST_CASE("CreateBucket: re-creating an owned bucket elsewhere is BucketAlreadyOwnedByYou",
          "[service]") {
    test_server srv;
    http_client c(srv.port());
    c.region = "eu-west-1";
    REQUIRE(c.request("PUT", "/euro", location_body("eu-west-1")).status == 200);
    auto r = c.request("PUT", "/euro", location_body("eu-west-1"));
    check_s3_error(r, 409, "BucketAlreadyOwnedByYou",
                   "Your previous request to create the named bucket succeeded and you already "
                   "own it.");
    CHECK(xml_find(r.body, "BucketName") == "euro");

    // A us-east-1 bucket re-created through another region's endpoint is refused as well.
    http_client east(srv.port());
    REQUIRE(east.request("PUT", "/east").status == 200);
    auto r2 = c.request("PUT", "/east", location_body("eu-west-1"));
    check_s3_error(r2, 409, "BucketAlreadyOwnedByYou");
}

TEST_CASE("CreateBucket: LocationConstraint us-east-1 is InvalidLocationConstraint", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("PUT", "/east", location_body("us-east-1"));
    check_s3_error(r, 400, "InvalidLocationConstraint",
                   "The specified location-constraint is not valid");
    CHECK(xml_find(r.body, "LocationConstraint") == "us-east-1");
    CHECK(c.request("HEAD", "/east").status == 404);
}

TEST_CASE("CreateBucket: an unknown LocationConstraint is InvalidLocationConstraint", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("PUT", "/nowhere", location_body("moon-base-1"));
    check_s3_error(r, 400, "InvalidLocationConstraint",
                   "The specified location-constraint is not valid");
    CHECK(xml_find(r.body, "LocationConstraint") == "moon-base-1");
    CHECK(c.request("HEAD", "/nowhere").status == 404);
}

TEST_CASE("CreateBucket: a regional endpoint requires a matching LocationConstraint", "[service]") {
    test_server srv;
    http_client c(srv.port());
    c.region = "eu-west-1";
    auto none = c.request("PUT", "/regional");
    check_s3_error(none, 400, "IllegalLocationConstraintException",
                   "The unspecified location constraint is incompatible for the region specific "
                   "endpoint this request was sent to.");
    auto other = c.request("PUT", "/regional", location_body("us-west-2"));
    check_s3_error(other, 400, "IllegalLocationConstraintException",
                   "The us-west-2 location constraint is incompatible for the region specific "
                   "endpoint this request was sent to.");
    CHECK(c.request("HEAD", "/regional").status == 404);

    auto ok = c.request("PUT", "/regional", location_body("eu-west-1"));
    CHECK(ok.status == 200);
    CHECK(ok.header("location") == "http://regional.s3.amazonaws.com/");
    auto head = c.request("HEAD", "/regional");
    CHECK(head.status == 200);
    CHECK(head.header("x-amz-bucket-region") == "eu-west-1");
}

TEST_CASE("CreateBucket: the us-east-1 endpoint creates in the region the body names",
          "[service]") {
    // AWS: requests to the global endpoint are signed for us-east-1 "even if the location
    // constraint in the request specifies another Region where the bucket is to be created".
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("PUT", "/faraway", location_body("ap-southeast-2"));
    CHECK(r.status == 200);
    CHECK(r.header("location") == "http://faraway.s3.amazonaws.com/");
    auto loc = c.request("GET", "/faraway?location");
    CHECK(xml_find(loc.body, "LocationConstraint") == "ap-southeast-2");
}

TEST_CASE("CreateBucket: an empty LocationConstraint means us-east-1", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("PUT", "/plain",
                       "<CreateBucketConfiguration><LocationConstraint/>"
                       "</CreateBucketConfiguration>");
    CHECK(r.status == 200);
    CHECK(r.header("location") == "/plain");
    CHECK(c.request("HEAD", "/plain").header("x-amz-bucket-region") == "us-east-1");
}

TEST_CASE("CreateBucket: a malformed configuration body is MalformedXML", "[service]") {
    test_server srv;
    http_client c(srv.port());
    const char* bodies[] = {
        "<CreateBucketConfiguration><LocationConstraint>eu-west-1",
        "not xml at all",
        "<CreateBucketConfiguration><LocationConstraint>eu-west-1</Location>"
        "</CreateBucketConfiguration>",
        "<SomethingElse><LocationConstraint>eu-west-1</LocationConstraint></SomethingElse>",
    };
    for (std::string body : bodies) {
        INFO(body);
        auto r = c.request("PUT", "/badxml", body);
        check_s3_error(r, 400, "MalformedXML",
                       "The XML you provided was not well-formed or did not validate against our "
                       "published schema");
    }
    CHECK(c.request("HEAD", "/badxml").status == 404);
}
