// PutObjectAcl: canned ACLs, grant headers and AccessControlPolicy bodies are validated as S3
// validates them and answered 200 (cloudbox does not enforce ACLs), errors.
#include "s3/s3_test_support.hpp"

#include "s3/s3_owner.hpp"

using namespace cloudbox::test;

namespace {

const std::string owner = cloudbox::services::s3::owner_id;

std::string object_acl_policy(const std::string& grants, const std::string& owner_id = owner) {
    return "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>" +
           owner_id + "</ID></Owner><AccessControlList>" + grants +
           "</AccessControlList></AccessControlPolicy>";
}

std::string grant(const std::string& type, const std::string& inner,
                  const std::string& permission) {
    return "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:type=\"" +
           type + "\">" + inner + "</Grantee><Permission>" + permission + "</Permission></Grant>";
}

http_response put_acl(http_client& c, const std::string& path, const std::string& body,
                      header_list headers = {}) {
    if (!body.empty()) {
        headers.emplace_back("content-md5", md5_b64(body));
    }
    return c.request("PUT", path + "?acl", body, std::move(headers));
}

} // namespace

TEST_CASE("PutObjectAcl: accepts every canned ACL and refuses others", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data");
    for (const char* acl : {"private", "public-read", "public-read-write", "authenticated-read",
                            "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control"}) {
        INFO(acl);
        auto r = put_acl(f.c, f.path("obj"), "", {{"x-amz-acl", acl}});
        CHECK(r.status == 200);
        CHECK(r.body.empty());
    }
    auto r = put_acl(f.c, f.path("obj"), "", {{"x-amz-acl", "public"}});
    check_s3_error(r, 400, "InvalidArgument");
    CHECK(xml_find(r.body, "Message").empty()); // S3 sends an empty message here
    CHECK(xml_find(r.body, "ArgumentName") == "x-amz-acl");
    CHECK(xml_find(r.body, "ArgumentValue") == "public");
}

TEST_CASE("PutObjectAcl: accepts a valid AccessControlPolicy body", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data");
    auto body = object_acl_policy(
        grant("CanonicalUser", "<ID>" + owner + "</ID>", "FULL_CONTROL") +
        grant("Group", "<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>", "READ") +
        grant("AmazonCustomerByEmail", "<EmailAddress>a@example.com</EmailAddress>", "READ_ACP"));
    auto r = put_acl(f.c, f.path("obj"), body);
    INFO(r.body);
    CHECK(r.status == 200);
}

TEST_CASE("PutObjectAcl: refuses malformed or invalid policies", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data");
    const std::string malformed = "The XML you provided was not well-formed or did not validate "
                                  "against our published schema";
    check_s3_error(put_acl(f.c, f.path("obj"), "<AccessControlPolicy>"), 400, "MalformedACLError",
                   malformed);
    check_s3_error(put_acl(f.c, f.path("obj"), "<AccessControlPolicy></AccessControlPolicy>"), 400,
                   "MalformedACLError");
    check_s3_error(
        put_acl(f.c, f.path("obj"),
                object_acl_policy(grant("CanonicalUser", "<ID>" + owner + "</ID>", "ALL"))),
        400, "MalformedACLError");
    check_s3_error(put_acl(f.c, f.path("obj"),
                           object_acl_policy(grant("Robot", "<ID>" + owner + "</ID>", "READ"))),
                   400, "MalformedACLError");
    auto r = put_acl(
        f.c, f.path("obj"),
        object_acl_policy(grant("Group", "<URI>http://example.com/everyone</URI>", "READ")));
    check_s3_error(r, 400, "InvalidArgument", "Invalid group uri");
    CHECK(xml_find(r.body, "ArgumentName") == "Group/URI");
    r = put_acl(f.c, f.path("obj"),
                object_acl_policy(grant("CanonicalUser", "<ID>1234</ID>", "READ")));
    check_s3_error(r, 400, "InvalidArgument", "Invalid id");
    CHECK(xml_find(r.body, "ArgumentName") == "CanonicalUser/ID");
    check_s3_error(put_acl(f.c, f.path("obj"), object_acl_policy("", "bad-owner")), 400,
                   "InvalidArgument", "Invalid id");
}

TEST_CASE("PutObjectAcl: grant headers, and the header/body combinations S3 refuses", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data");
    CHECK(put_acl(f.c, f.path("obj"), "",
                  {{"x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\", "
                                        "id=\"" +
                                            owner + "\""},
                   {"x-amz-grant-full-control", "emailAddress=\"a@example.com\""}})
              .status == 200);
    auto r = put_acl(f.c, f.path("obj"), "", {{"x-amz-grant-read", "everyone"}});
    check_s3_error(r, 400, "InvalidArgument", "Argument format not recognized");
    CHECK(xml_find(r.body, "ArgumentName") == "x-amz-grant-read");
    check_s3_error(put_acl(f.c, f.path("obj"), "", {{"x-amz-grant-write", "id=42"}}), 400,
                   "InvalidArgument", "Invalid id");

    r = put_acl(f.c, f.path("obj"), "");
    check_s3_error(r, 400, "MissingSecurityHeader", "Your request was missing a required header");
    CHECK(xml_find(r.body, "MissingHeaderName") == "x-amz-acl");
    check_s3_error(
        put_acl(f.c, f.path("obj"), "",
                {{"x-amz-acl", "private"}, {"x-amz-grant-read", "id=\"" + owner + "\""}}),
        400, "InvalidRequest", "Specifying both Canned ACLs and Header Grants is not allowed");
    check_s3_error(put_acl(f.c, f.path("obj"), object_acl_policy(""), {{"x-amz-acl", "private"}}),
                   400, "UnexpectedContent", "This request does not support content");
}

TEST_CASE("PutObjectAcl: missing key or bucket", "[service]") {
    s3_fixture f;
    auto r = put_acl(f.c, f.path("nope"), "", {{"x-amz-acl", "private"}});
    check_s3_error(r, 404, "NoSuchKey");
    CHECK(xml_find(r.body, "Key") == "nope");
    check_s3_error(put_acl(f.c, "/no-such-bucket/k", "", {{"x-amz-acl", "private"}}), 404,
                   "NoSuchBucket");
}
