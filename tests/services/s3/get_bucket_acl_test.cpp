// GetBucketAcl: the owner's FULL_CONTROL policy (cloudbox has one owner), NoSuchBucket.
#include "s3/s3_test_support.hpp"

#include "s3/s3_owner.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketAcl: reports the owner with FULL_CONTROL", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?acl");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    const std::string id = cloudbox::services::s3::owner_id;
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    CHECK(doc->name == "AccessControlPolicy");
    CHECK(doc->child("Owner")->child_text("ID") == id);
    auto grants = doc->child("AccessControlList")->children_named("Grant");
    REQUIRE(grants.size() == 1);
    CHECK(grants[0]->child_text("Permission") == "FULL_CONTROL");
    CHECK(grants[0]->child("Grantee")->child_text("ID") == id);
    // A canned ACL is accepted but not enforced: the policy is unchanged.
    REQUIRE(
        f.c.request("PUT", "/" + f.bucket + "?acl", "", {{"x-amz-acl", "public-read"}}).status ==
        200);
    CHECK(f.c.request("GET", "/" + f.bucket + "?acl").body == r.body);
}

TEST_CASE("GetBucketAcl: missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("GET", "/no-such-bucket?acl"), 404, "NoSuchBucket");
}
