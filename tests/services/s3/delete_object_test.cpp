// DeleteObject: 204 whether or not the key existed; NoSuchBucket when the bucket is missing.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteObject: deletes an object with 204", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "dir/victim.txt", "bye");
    auto r = f.c.request("DELETE", f.path("dir/victim.txt"));
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    CHECK(!r.header("x-amz-request-id").empty());
    CHECK(f.c.request("GET", f.path("dir/victim.txt")).status == 404);
}

TEST_CASE("DeleteObject: a missing key is still 204", "[service]") {
    s3_fixture f;
    CHECK(f.c.request("DELETE", f.path("never-existed")).status == 204);
    put_object(f.c, f.bucket, "twice", "x");
    CHECK(f.c.request("DELETE", f.path("twice")).status == 204);
    CHECK(f.c.request("DELETE", f.path("twice")).status == 204);
}

TEST_CASE("DeleteObject: a missing bucket is NoSuchBucket", "[service]") {
    test_server srv;
    http_client c(srv.port());
    auto r = c.request("DELETE", "/ghost-bucket/key");
    check_s3_error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(r.body, "BucketName") == "ghost-bucket");
}

TEST_CASE("DeleteObject: deletes exactly the named key", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "a", "1");
    put_object(f.c, f.bucket, "a/b", "2");
    put_object(f.c, f.bucket, "a b", "3");
    REQUIRE(f.c.request("DELETE", f.path("a")).status == 204);
    CHECK(f.c.request("GET", f.path("a")).status == 404);
    CHECK(f.c.request("GET", f.path("a/b")).body == "2");
    CHECK(f.c.request("GET", f.path("a b")).body == "3");
    // A blob-backed object goes the same way.
    put_object(f.c, f.bucket, "big", random_bytes(400 * 1024));
    CHECK(f.c.request("DELETE", f.path("big")).status == 204);
    CHECK(f.c.request("HEAD", f.path("big")).status == 404);
}

TEST_CASE("GetObject, HeadObject, DeleteObject: a version id S3 did not issue is refused",
          "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "kept", "data");
    const std::string bogus = "HPniJFCxqTsMuIH9KX8K8wEjNUgmABCD";
    auto get = f.c.request("GET", f.path("kept") + "?versionId=" + bogus);
    check_s3_error(get, 400, "InvalidArgument", "Invalid version id specified");
    CHECK(xml_find(get.body, "ArgumentName") == "versionId");
    CHECK(xml_find(get.body, "ArgumentValue") == bogus);
    CHECK(f.c.request("HEAD", f.path("kept") + "?versionId=" + bogus).status == 400);
    check_s3_error(f.c.request("DELETE", f.path("kept") + "?versionId=" + bogus), 400,
                   "InvalidArgument", "Invalid version id specified");
    // Nothing was deleted; "null" names the current object.
    CHECK(f.c.request("GET", f.path("kept") + "?versionId=null").body == "data");
    CHECK(f.c.request("DELETE", f.path("kept") + "?versionId=null").status == 204);
    CHECK(f.c.request("HEAD", f.path("kept")).status == 404);
}
