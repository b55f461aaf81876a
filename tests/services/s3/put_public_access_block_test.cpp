// PutPublicAccessBlock / GetPublicAccessBlock / DeletePublicAccessBlock: the four settings
// (missing ones false), NoSuchPublicAccessBlockConfiguration, MalformedXML, NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutPublicAccessBlock: stores the four settings", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?publicAccessBlock";
    // A new bucket blocks all public access, as on S3 since April 2023.
    CHECK(f.c.request("GET", path).body ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration "
          "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><BlockPublicAcls>true"
          "</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true"
          "</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>"
          "</PublicAccessBlockConfiguration>");
    auto r = f.c.request("PUT", path,
                         "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>"
                         "<BlockPublicPolicy>true</BlockPublicPolicy>"
                         "</PublicAccessBlockConfiguration>");
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(f.c.request("GET", path).body ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration "
          "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><BlockPublicAcls>true"
          "</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>true"
          "</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets>"
          "</PublicAccessBlockConfiguration>");
    CHECK(f.c.request("DELETE", path).status == 204);
    auto none = f.c.request("GET", path);
    check_s3_error(none, 404, "NoSuchPublicAccessBlockConfiguration",
                   "The public access block configuration was not found");
    CHECK(xml_find(none.body, "BucketName") == f.bucket);
}

TEST_CASE("PutPublicAccessBlock: MalformedXML and NoSuchBucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("PUT", "/" + f.bucket + "?publicAccessBlock",
                               "<PublicAccessBlockConfiguration><BlockPublicAcls>yes"
                               "</BlockPublicAcls></PublicAccessBlockConfiguration>"),
                   400, "MalformedXML");
    check_s3_error(f.c.request("GET", "/no-such-bucket?publicAccessBlock"), 404, "NoSuchBucket");
    check_s3_error(f.c.request("DELETE", "/no-such-bucket?publicAccessBlock"), 404, "NoSuchBucket");
}
