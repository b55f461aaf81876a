// PutBucketAcl: canned ACLs, grant headers and policies are validated and answered 200 (not
// enforced), errors.
#include "s3/s3_test_support.hpp"

#include "s3/s3_owner.hpp"

using namespace cloudbox::test;

namespace {

std::string bucket_acl_policy(const std::string& owner_id) {
    return "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>" +
           owner_id +
           "</ID></Owner><AccessControlList><Grant><Grantee "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
           "<ID>" +
           owner_id +
           "</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList>"
           "</AccessControlPolicy>";
}

} // namespace

TEST_CASE("PutBucketAcl: canned ACLs, grant headers and policies", "[service]") {
    s3_fixture f;
    const std::string path = "/" + f.bucket + "?acl";
    for (const char* acl : {"private", "public-read", "public-read-write", "authenticated-read"}) {
        INFO(acl);
        auto r = f.c.request("PUT", path, "", {{"x-amz-acl", acl}});
        CHECK(r.status == 200);
        CHECK(r.body.empty());
    }
    check_s3_error(f.c.request("PUT", path, "", {{"x-amz-acl", "everyone"}}), 400,
                   "InvalidArgument");
    CHECK(f.c.request(
                 "PUT", path, "",
                 {{"x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""}})
              .status == 200);
    std::string body = bucket_acl_policy(cloudbox::services::s3::owner_id);
    CHECK(f.c.request("PUT", path, body, {{"content-md5", md5_b64(body)}}).status == 200);
    check_s3_error(f.c.request("PUT", path, "<AccessControlPolicy>"), 400, "MalformedACLError");
    check_s3_error(f.c.request("PUT", path), 400, "MissingSecurityHeader");
}

TEST_CASE("PutBucketAcl: missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("PUT", "/no-such-bucket?acl", "", {{"x-amz-acl", "private"}}), 404,
                   "NoSuchBucket");
}
