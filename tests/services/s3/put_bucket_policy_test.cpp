// PutBucketPolicy: stores the document as sent (204); MalformedPolicy texts; NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutBucketPolicy: stores the policy as sent", "[service]") {
    s3_fixture f;
    std::string policy = R"({ "Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::test-bucket/*"}]})";
    auto r = f.c.request("PUT", "/" + f.bucket + "?policy", policy);
    INFO(r.body);
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    CHECK(f.c.request("GET", "/" + f.bucket + "?policy").body == policy);
}

TEST_CASE("PutBucketPolicy: MalformedPolicy as S3 words it", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?policy";
    check_s3_error(f.c.request("PUT", path, "not json"), 400, "MalformedPolicy",
                   "Policies must be valid JSON and the first byte must be '{'");
    check_s3_error(f.c.request("PUT", path, "[]"), 400, "MalformedPolicy",
                   "Policies must be valid JSON and the first byte must be '{'");
    check_s3_error(f.c.request("PUT", path, "{\"Statement\": "), 400, "MalformedPolicy",
                   "This policy contains invalid Json");
    check_s3_error(f.c.request("PUT", path, R"({"Version": "2012-10-17"})"), 400, "MalformedPolicy",
                   "Missing required field Statement");
    check_s3_error(f.c.request("PUT", path, R"({"Statement": []})"), 400, "MalformedPolicy",
                   "Could not parse the policy: Statement is empty!");
    check_s3_error(f.c.request("GET", path), 404, "NoSuchBucketPolicy");
}

TEST_CASE("PutBucketPolicy: missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("PUT", "/no-such-bucket?policy", R"({"Statement": [{}]})"), 404,
                   "NoSuchBucket");
}
