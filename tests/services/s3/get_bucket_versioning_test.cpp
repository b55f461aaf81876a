// GetBucketVersioning: an empty configuration for a never-versioned bucket, Suspended once set.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketVersioning: empty for a bucket never put under versioning", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?versioning");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.body == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VersioningConfiguration "
                    "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></VersioningConfiguration>");
}

TEST_CASE("GetBucketVersioning: reports Suspended after it was set", "[service]") {
    s3_fixture f;
    std::string body = "<VersioningConfiguration><Status>Suspended</Status>"
                       "</VersioningConfiguration>";
    REQUIRE(
        f.c.request("PUT", "/" + f.bucket + "?versioning", body, {{"content-md5", md5_b64(body)}})
            .status == 200);
    auto r = f.c.request("GET", "/" + f.bucket + "?versioning");
    REQUIRE(r.status == 200);
    CHECK(xml_find(r.body, "Status") == "Suspended");
    CHECK(xml_find(r.body, "MfaDelete").empty());
}

TEST_CASE("GetBucketVersioning: missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("GET", "/no-such-bucket?versioning"), 404, "NoSuchBucket");
}
