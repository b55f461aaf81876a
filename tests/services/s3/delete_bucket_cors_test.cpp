// DeleteBucketCors: removes the configuration (204, also when there was none), NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("DeleteBucketCors: removes the configuration", "[service]") {
    s3_fixture f;
    std::string body = "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod>"
                       "<AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>";
    REQUIRE(f.c.request("PUT", "/" + f.bucket + "?cors", body, {{"content-md5", md5_b64(body)}})
                .status == 200);
    auto r = f.c.request("DELETE", "/" + f.bucket + "?cors");
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?cors"), 404, "NoSuchCORSConfiguration");
    CHECK(f.c.request("DELETE", "/" + f.bucket + "?cors").status == 204);
    // Without a configuration, a preflight is refused.
    f.c.signing_service.clear();
    auto pre =
        f.c.request("OPTIONS", "/" + f.bucket + "/k", "",
                    {{"origin", "http://a.example"}, {"access-control-request-method", "GET"}});
    check_s3_error(pre, 403, "AccessForbidden",
                   "CORSResponse: CORS is not enabled for this bucket.");
}

TEST_CASE("DeleteBucketCors: missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(f.c.request("DELETE", "/no-such-bucket?cors"), 404, "NoSuchBucket");
}
