// ListBuckets: GET / lists the owner's buckets by name with their creation date and region.
#include "s3/s3_test_support.hpp"

#include "protocol/xml.hpp"

#include <chrono>

using namespace cloudbox::test;
using cloudbox::protocol::parse_xml;

TEST_CASE("ListBuckets: an empty account lists no buckets and the owner", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("GET", "/");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(
        r.body.find("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">") !=
        std::string::npos);
    auto doc = parse_xml(r.body);
    REQUIRE(doc);
    CHECK(doc->name == "ListAllMyBucketsResult");
    const auto* owner = doc->child("Owner");
    REQUIRE(owner != nullptr);
    CHECK(owner->child_text("ID").value_or("").size() == 64);
    CHECK(owner->child_text("DisplayName").has_value());
    const auto* buckets = doc->child("Buckets");
    REQUIRE(buckets != nullptr);
    CHECK(buckets->children.empty());
    CHECK(doc->child("Prefix") == nullptr);
}

TEST_CASE("ListBuckets: buckets come back sorted by name with date and region", "[service]") {
    test_server srv;
    srv.app().clock().set(std::chrono::sys_days{std::chrono::year{2030} / 1 / 2} +
                          std::chrono::hours(3));
    srv.app().clock().freeze();
    http_client c(srv.port());
    make_bucket(c, "zeta");
    make_bucket(c, "alpha");
    REQUIRE(c.request("PUT", "/middle",
                      "<CreateBucketConfiguration><LocationConstraint>eu-west-1"
                      "</LocationConstraint></CreateBucketConfiguration>")
                .status == 200);
    auto r = c.request("GET", "/");
    REQUIRE(r.status == 200);
    auto doc = parse_xml(r.body);
    REQUIRE(doc);
    auto buckets = doc->child("Buckets")->children_named("Bucket");
    REQUIRE(buckets.size() == 3);
    CHECK(buckets[0]->child_text("Name") == "alpha");
    CHECK(buckets[1]->child_text("Name") == "middle");
    CHECK(buckets[2]->child_text("Name") == "zeta");
    CHECK(buckets[0]->child_text("CreationDate") == "2030-01-02T03:00:00.000Z");
    CHECK(buckets[0]->child_text("BucketRegion") == "us-east-1");
    CHECK(buckets[1]->child_text("BucketRegion") == "eu-west-1");
}

TEST_CASE("ListBuckets: prefix filters by name and is echoed", "[service]") {
    test_server srv;
    http_client c(srv.port());
    make_bucket(c, "logs-a");
    make_bucket(c, "logs-b");
    make_bucket(c, "data-a");
    auto r = c.request("GET", "/?prefix=logs-");
    REQUIRE(r.status == 200);
    auto doc = parse_xml(r.body);
    REQUIRE(doc);
    auto buckets = doc->child("Buckets")->children_named("Bucket");
    REQUIRE(buckets.size() == 2);
    CHECK(buckets[0]->child_text("Name") == "logs-a");
    CHECK(buckets[1]->child_text("Name") == "logs-b");
    CHECK(doc->child_text("Prefix") == "logs-");
}

TEST_CASE("ListBuckets: a deleted bucket disappears from the list", "[service]") {
    test_server srv;
    http_client c(srv.port());
    make_bucket(c, "short-lived");
    REQUIRE(c.request("DELETE", "/short-lived").status == 204);
    auto r = c.request("GET", "/");
    CHECK(r.body.find("short-lived") == std::string::npos);
}
