// DeleteObjectTagging: removes the tag set (204), errors.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteObjectTagging: removes every tag and answers 204", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "obj", "data", {{"x-amz-tagging", "a=1&b=2"}});
    auto r = f.c.request("DELETE", f.path("obj") + "?tagging");
    INFO(r.body);
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    auto t = f.c.request("GET", f.path("obj") + "?tagging");
    REQUIRE(t.status == 200);
    auto doc = cloudbox::protocol::parse_xml(t.body);
    REQUIRE(doc);
    REQUIRE(doc->child("TagSet") != nullptr);
    CHECK(doc->child("TagSet")->children.empty());
    // The object itself is still there, and deleting again is fine.
    CHECK(f.c.request("GET", f.path("obj")).body == "data");
    CHECK(f.c.request("DELETE", f.path("obj") + "?tagging").status == 204);
}

TEST_CASE("DeleteObjectTagging: missing key or bucket", "[service]") {
    s3_fixture f;
    auto r = f.c.request("DELETE", f.path("nope") + "?tagging");
    check_s3_error(r, 404, "NoSuchKey", "The specified key does not exist.");
    CHECK(xml_find(r.body, "Key") == "nope");
    check_s3_error(f.c.request("DELETE", "/no-such-bucket/k?tagging"), 404, "NoSuchBucket");
}
