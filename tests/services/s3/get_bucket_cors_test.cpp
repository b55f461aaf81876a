// GetBucketCors: the stored rules in S3's element order, NoSuchCORSConfiguration, NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetBucketCors: returns the rules in S3's element order", "[service]") {
    s3_fixture f;
    // Sent in a different order than S3 answers.
    std::string body =
        "<CORSConfiguration><CORSRule><MaxAgeSeconds>30</MaxAgeSeconds><ExposeHeader>ETag"
        "</ExposeHeader><AllowedOrigin>http://a.example</AllowedOrigin><AllowedOrigin>"
        "http://b.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedHeader>"
        "x-amz-*</AllowedHeader><ID>first</ID></CORSRule><CORSRule><AllowedMethod>PUT"
        "</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>";
    REQUIRE(f.c.request("PUT", "/" + f.bucket + "?cors", body, {{"content-md5", md5_b64(body)}})
                .status == 200);
    auto r = f.c.request("GET", "/" + f.bucket + "?cors");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(r.body ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><CORSRule>"
          "<ID>first</ID><AllowedHeader>x-amz-*</AllowedHeader><AllowedMethod>GET</AllowedMethod>"
          "<AllowedOrigin>http://a.example</AllowedOrigin><AllowedOrigin>http://b.example"
          "</AllowedOrigin><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>30</MaxAgeSeconds>"
          "</CORSRule><CORSRule><AllowedMethod>PUT</AllowedMethod><AllowedOrigin>*"
          "</AllowedOrigin></CORSRule></CORSConfiguration>");
}

TEST_CASE("GetBucketCors: NoSuchCORSConfiguration and NoSuchBucket", "[service]") {
    s3_fixture f;
    auto r = f.c.request("GET", "/" + f.bucket + "?cors");
    check_s3_error(r, 404, "NoSuchCORSConfiguration", "The CORS configuration does not exist");
    CHECK(xml_find(r.body, "BucketName") == f.bucket);
    check_s3_error(f.c.request("GET", "/no-such-bucket?cors"), 404, "NoSuchBucket");
}
