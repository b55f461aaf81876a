// PutBucketCors: stores a validated configuration; MalformedXML and InvalidRequest as S3 answers.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {

std::string cors(const std::string& rules) {
    return "<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + rules +
           "</CORSConfiguration>";
}

http_response put_cors(http_client& c, const std::string& bucket, const std::string& body) {
    return c.request("PUT", "/" + bucket + "?cors", body, {{"content-md5", md5_b64(body)}});
}

const std::string simple_rule =
    "<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>";

} // namespace

TEST_CASE("PutBucketCors: stores the configuration", "[service]") {
    s3_fixture f;
    auto r =
        put_cors(f.c, f.bucket,
                 cors("<CORSRule><ID>r1</ID><AllowedOrigin>http://*.example.com</AllowedOrigin>"
                      "<AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod>"
                      "<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader>"
                      "<MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>" +
                      simple_rule));
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(r.body.empty());
    auto g = f.c.request("GET", "/" + f.bucket + "?cors");
    REQUIRE(g.status == 200);
    CHECK(g.body.find("<ID>r1</ID>") != std::string::npos);
    // Replacing keeps only the new rules.
    REQUIRE(put_cors(f.c, f.bucket, cors(simple_rule)).status == 200);
    CHECK(f.c.request("GET", "/" + f.bucket + "?cors").body.find("r1") == std::string::npos);
}

TEST_CASE("PutBucketCors: MalformedXML for structural errors", "[service]") {
    s3_fixture f;
    const std::string malformed = "MalformedXML";
    check_s3_error(put_cors(f.c, f.bucket, "<CORSConfiguration>"), 400, malformed);
    check_s3_error(put_cors(f.c, f.bucket, cors("")), 400, malformed);
    check_s3_error(put_cors(f.c, f.bucket, "<Other>" + simple_rule + "</Other>"), 400, malformed);
    check_s3_error(
        put_cors(f.c, f.bucket, cors("<CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule>")), 400,
        malformed);
    check_s3_error(
        put_cors(f.c, f.bucket, cors("<CORSRule><AllowedMethod>GET</AllowedMethod></CORSRule>")),
        400, malformed);
    check_s3_error(put_cors(f.c, f.bucket,
                            cors("<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*"
                                 "</AllowedOrigin><MaxAgeSeconds>soon</MaxAgeSeconds></CORSRule>")),
                   400, malformed);
    std::string rules;
    for (int i = 0; i < 101; ++i) {
        rules += simple_rule;
    }
    check_s3_error(put_cors(f.c, f.bucket, cors(rules)), 400, malformed);
    rules.resize(rules.size() - simple_rule.size());
    CHECK(put_cors(f.c, f.bucket, cors(rules)).status == 200);
}

TEST_CASE("PutBucketCors: InvalidRequest for unsupported methods and wildcards", "[service]") {
    s3_fixture f;
    check_s3_error(put_cors(f.c, f.bucket,
                            cors("<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedMethod>PATCH"
                                 "</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>")),
                   400, "InvalidRequest",
                   "Found unsupported HTTP method in CORS config. Unsupported method is PATCH");
    check_s3_error(put_cors(f.c, f.bucket,
                            cors("<CORSRule><AllowedMethod>get</AllowedMethod><AllowedOrigin>*"
                                 "</AllowedOrigin></CORSRule>")),
                   400, "InvalidRequest",
                   "Found unsupported HTTP method in CORS config. Unsupported method is get");
    check_s3_error(put_cors(f.c, f.bucket,
                            cors("<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>"
                                 "http://*.*.com</AllowedOrigin></CORSRule>")),
                   400, "InvalidRequest",
                   "AllowedOrigin \"http://*.*.com\" can not have more than one wildcard.");
    check_s3_error(put_cors(f.c, f.bucket,
                            cors("<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*"
                                 "</AllowedOrigin><ExposeHeader>x-*</ExposeHeader></CORSRule>")),
                   400, "InvalidRequest",
                   "ExposeHeader \"x-*\" contains wildcard. We currently do not support wildcard "
                   "for ExposeHeader.");
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?cors"), 404, "NoSuchCORSConfiguration");
}

TEST_CASE("PutBucketCors: integrity header and missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("PUT", "/" + f.bucket + "?cors", cors(simple_rule)), 400,
                   "InvalidRequest", "Missing required header for this request: Content-MD5");
    check_s3_error(put_cors(f.c, "no-such-bucket", cors(simple_rule)), 404, "NoSuchBucket");
}
