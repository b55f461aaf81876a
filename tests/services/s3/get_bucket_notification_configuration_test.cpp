// GetBucketNotificationConfiguration: empty document by default, the stored configuration, errors.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketNotificationConfiguration: empty when none is set", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?notification");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.body ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NotificationConfiguration "
          "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></NotificationConfiguration>");
}

TEST_CASE("GetBucketNotificationConfiguration: returns the stored configuration", "[service]") {
    s3_fixture f;
    std::string body =
        "<NotificationConfiguration><CloudFunctionConfiguration><Id>thumbs</Id><CloudFunction>"
        "arn:aws:lambda:us-east-1:000000000000:function:thumb</CloudFunction><Event>"
        "s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>suffix</Name><Value>.jpg"
        "</Value></FilterRule></S3Key></Filter></CloudFunctionConfiguration>"
        "<QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:us-east-1:000000000000:q</Queue><Event>"
        "s3:ObjectRemoved:Delete</Event></QueueConfiguration></NotificationConfiguration>";
    REQUIRE(f.c.request("PUT", "/" + f.bucket + "?notification", body).status == 200);
    auto r = f.c.request("GET", "/" + f.bucket + "?notification");
    INFO(r.body);
    REQUIRE(r.status == 200);
    // S3's order: topics, queues, then functions.
    CHECK(r.body ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
          "<QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:us-east-1:000000000000:q</Queue>"
          "<Event>s3:ObjectRemoved:Delete</Event></QueueConfiguration>"
          "<CloudFunctionConfiguration><Id>thumbs</Id><CloudFunction>arn:aws:lambda:us-east-1:"
          "000000000000:function:thumb</CloudFunction><Event>s3:ObjectCreated:*</Event><Filter>"
          "<S3Key><FilterRule><Name>Suffix</Name><Value>.jpg</Value></FilterRule></S3Key>"
          "</Filter></CloudFunctionConfiguration></NotificationConfiguration>");
}

TEST_CASE("GetBucketNotificationConfiguration: missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("GET", "/no-such-bucket?notification"), 404, "NoSuchBucket");
}
