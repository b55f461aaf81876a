// PutBucketEncryption: KMS defaults stored in S3's element order; S3's validation errors.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {

http_response put_bucket_encryption_body(s3_fixture& f, const std::string& bucket,
                                         const std::string& body) {
    return f.c.request("PUT", "/" + bucket + "?encryption", body, {{"content-md5", md5_b64(body)}});
}

} // namespace

TEST_CASE("PutBucketEncryption: stores an aws:kms default", "[service]") {
    s3_fixture f;
    auto r = put_bucket_encryption_body(
        f, f.bucket,
        "<ServerSideEncryptionConfiguration><Rule><BucketKeyEnabled>true</BucketKeyEnabled>"
        "<ApplyServerSideEncryptionByDefault><KMSMasterKeyID>alias/app</KMSMasterKeyID>"
        "<SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
        "</ServerSideEncryptionConfiguration>");
    INFO(r.body);
    CHECK(r.status == 200);
    auto get = f.c.request("GET", "/" + f.bucket + "?encryption");
    CHECK(get.body.find("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms"
                        "</SSEAlgorithm><KMSMasterKeyID>alias/app</KMSMasterKeyID>"
                        "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true"
                        "</BucketKeyEnabled></Rule>") != std::string::npos);
}

TEST_CASE("Objects report the encryption they were written with", "[service]") {
    s3_fixture f;
    auto sse = [&](const std::string& key) {
        return f.c.request("HEAD", f.path(key)).header("x-amz-server-side-encryption");
    };
    // SSE-S3 by default, on the write's answer and on reads.
    auto put = f.c.request("PUT", f.path("plain"), "x");
    CHECK(put.header("x-amz-server-side-encryption") == "AES256");
    CHECK(sse("plain") == "AES256");
    CHECK(f.c.request("GET", f.path("plain")).header("x-amz-server-side-encryption") == "AES256");

    // A KMS default applies to objects written after it, not to those before.
    REQUIRE(put_bucket_encryption_body(
                f, f.bucket,
                "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
                "<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>alias/app</KMSMasterKeyID>"
                "</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>")
                .status == 200);
    put = f.c.request("PUT", f.path("kms"), "x");
    CHECK(put.header("x-amz-server-side-encryption") == "aws:kms");
    CHECK(put.header("x-amz-server-side-encryption-aws-kms-key-id") == "alias/app");
    CHECK(sse("kms") == "aws:kms");
    CHECK(sse("plain") == "AES256");
    // The request's own choice wins, for PUT, copies and multipart uploads.
    CHECK(f.c.request("PUT", f.path("asked"), "x", {{"x-amz-server-side-encryption", "AES256"}})
              .header("x-amz-server-side-encryption") == "AES256");
    CHECK(sse("asked") == "AES256");
    auto copy = f.c.request("PUT", f.path("copied"), "",
                            {{"x-amz-copy-source", "/" + f.bucket + "/plain"}});
    CHECK(copy.header("x-amz-server-side-encryption") ==
          "aws:kms"); // the bucket's, not the source's
    CHECK(sse("copied") == "aws:kms");
    auto create = f.c.request("POST", f.path("multi") + "?uploads", "",
                              {{"x-amz-server-side-encryption", "AES256"}});
    CHECK(create.header("x-amz-server-side-encryption") == "AES256");

    // Deleting the default goes back to SSE-S3.
    REQUIRE(f.c.request("DELETE", "/" + f.bucket + "?encryption").status == 204);
    CHECK(f.c.request("PUT", f.path("after"), "x").header("x-amz-server-side-encryption") ==
          "AES256");
}

TEST_CASE("PutBucketEncryption: refused configurations", "[service]") {
    s3_fixture f;
    auto wrap = [](const std::string& rules) {
        return "<ServerSideEncryptionConfiguration>" + rules +
               "</ServerSideEncryptionConfiguration>";
    };
    std::string aes = "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
                      "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>";
    check_s3_error(put_bucket_encryption_body(f, f.bucket, wrap("")), 400, "MalformedXML");
    check_s3_error(put_bucket_encryption_body(f, f.bucket, wrap(aes + aes)), 400, "MalformedXML");
    check_s3_error(put_bucket_encryption_body(
                       f, f.bucket,
                       wrap("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>DES"
                            "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>")),
                   400, "MalformedXML");
    auto kms = put_bucket_encryption_body(
        f, f.bucket,
        wrap("<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
             "<KMSMasterKeyID>alias/app</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
             "</Rule>"));
    check_s3_error(kms, 400, "InvalidArgument",
                   "a KMSMasterKeyID is not applicable if the default sse algorithm is not "
                   "aws:kms or aws:kms:dsse");
    CHECK(xml_find(kms.body, "ArgumentName") == "ApplyServerSideEncryptionByDefault");
    check_s3_error(put_bucket_encryption_body(f, "no-such-bucket", wrap(aes)), 404, "NoSuchBucket");
}
