// GetObjectAcl: the owner's FULL_CONTROL policy (cloudbox has one owner), errors.
#include "s3/s3_test_support.hpp"

#include "s3/s3_owner.hpp"

using namespace cloudbox::test;

TEST_CASE("GetObjectAcl: reports the owner with FULL_CONTROL", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data");
    auto r = f.c.request("GET", f.path("obj") + "?acl");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    const std::string id = cloudbox::services::s3::owner_id;
    const std::string name = cloudbox::services::s3::owner_display_name;
    CHECK(r.body ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>" +
              id + "</ID><DisplayName>" + name +
              "</DisplayName></Owner><AccessControlList><Grant><Grantee "
              "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
              "xsi:type=\"CanonicalUser\"><ID>" +
              id + "</ID><DisplayName>" + name +
              "</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
              "</AccessControlList></AccessControlPolicy>");

    // A canned ACL is accepted but not enforced: the policy reported is unchanged.
    REQUIRE(f.c.request("PUT", f.path("obj") + "?acl", "", {{"x-amz-acl", "public-read"}}).status ==
            200);
    CHECK(f.c.request("GET", f.path("obj") + "?acl").body == r.body);
}

TEST_CASE("GetObjectAcl: missing key or bucket", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", f.path("nope") + "?acl");
    check_s3_error(r, 404, "NoSuchKey", "The specified key does not exist.");
    CHECK(xml_find(r.body, "Key") == "nope");
    check_s3_error(f.c.request("GET", "/no-such-bucket/k?acl"), 404, "NoSuchBucket");
}
