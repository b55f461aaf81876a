// GetObjectTagging: the tag set as stored, an empty TagSet for an untagged object, errors.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetObjectTagging: answers the object's tags in a Tagging document", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data", {{"x-amz-tagging", "project=cloud%20box&team=s3"}});
    auto r = f.c.request("GET", f.path("obj") + "?tagging");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.body.find("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag>"
                      "<Key>project</Key><Value>cloud box</Value></Tag><Tag><Key>team</Key>"
                      "<Value>s3</Value></Tag></TagSet></Tagging>") != std::string::npos);
}

TEST_CASE("GetObjectTagging: an untagged object has an empty TagSet", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "plain", "data");
    auto r = f.c.request("GET", f.path("plain") + "?tagging");
    REQUIRE(r.status == 200);
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    CHECK(doc->name == "Tagging");
    REQUIRE(doc->child("TagSet") != nullptr);
    CHECK(doc->child("TagSet")->children.empty());
}

TEST_CASE("GetObjectTagging: missing key, missing bucket, unknown version", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", f.path("nope") + "?tagging");
    check_s3_error(r, 404, "NoSuchKey", "The specified key does not exist.");
    CHECK(xml_find(r.body, "Key") == "nope");
    check_s3_error(f.c.request("GET", "/no-such-bucket/k?tagging"), 404, "NoSuchBucket");
    put_object(f.c, f.bucket, "obj", "data");
    CHECK(f.c.request("GET", f.path("obj") + "?tagging&versionId=null").status == 200);
    check_s3_error(f.c.request("GET", f.path("obj") + "?tagging&versionId=xyz"), 400,
                   "InvalidArgument", "Invalid version id specified");
}
