// PreflightRequest (OPTIONS, unsigned) against the bucket's CORS rules, its errors, and the CORS
// headers S3 adds to cross-origin responses of other operations.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {

const std::string preflight_cors_rules =
    "<CORSConfiguration>"
    "<CORSRule><AllowedOrigin>http://*.example.com</AllowedOrigin><AllowedMethod>PUT"
    "</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>x-amz-*</AllowedHeader>"
    "<AllowedHeader>Content-Type</AllowedHeader><ExposeHeader>ETag</ExposeHeader><ExposeHeader>"
    "x-amz-request-id</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>"
    "<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
    "<AllowedMethod>HEAD</AllowedMethod></CORSRule>"
    "</CORSConfiguration>";

struct cors_fixture : s3_fixture {
    http_client anon{srv.port()};
    explicit cors_fixture(bool configure = true) {
        anon.signing_service.clear(); // browsers send preflights unsigned
        if (configure) {
            REQUIRE(c.request("PUT", "/" + bucket + "?cors", preflight_cors_rules,
                              {{"content-md5", md5_b64(preflight_cors_rules)}})
                        .status == 200);
        }
    }
    http_response preflight(const std::string& path, header_list headers) {
        return anon.request("OPTIONS", path, "", std::move(headers));
    }
};

} // namespace

TEST_CASE("PreflightRequest: a matching rule answers 200 with its CORS headers", "[service]") {
    cors_fixture f;
    auto r = f.preflight(f.path("photos/cat.jpg"),
                         {{"origin", "http://app.example.com"},
                          {"access-control-request-method", "PUT"},
                          {"access-control-request-headers", "X-Amz-Date, content-type"}});
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(r.body.empty());
    CHECK(r.header("access-control-allow-origin") == "http://app.example.com");
    CHECK(r.header("access-control-allow-credentials") == "true");
    CHECK(r.header("access-control-allow-methods") == "PUT, POST");
    CHECK(r.header("access-control-allow-headers") == "x-amz-date, content-type");
    CHECK(r.header("access-control-expose-headers") == "ETag, x-amz-request-id");
    CHECK(r.header("access-control-max-age") == "3000");
    CHECK(r.header("vary") ==
          "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    CHECK(!r.header("x-amz-request-id").empty());
    CHECK(!r.has_header("content-type"));

    // On the bucket too; the '*' origin rule answers '*' and no credentials.
    auto any = f.preflight("/" + f.bucket, {{"origin", "https://elsewhere.org"},
                                            {"access-control-request-method", "GET"}});
    CHECK(any.status == 200);
    CHECK(any.header("access-control-allow-origin") == "*");
    CHECK(!any.has_header("access-control-allow-credentials"));
    CHECK(any.header("access-control-allow-methods") == "GET, HEAD");
    CHECK(!any.has_header("access-control-allow-headers"));
    CHECK(!any.has_header("access-control-max-age"));
}

TEST_CASE("PreflightRequest: rules are tried in order and must match fully", "[service]") {
    cors_fixture f;
    auto forbidden = [&](http_response r) {
        check_s3_error(r, 403, "AccessForbidden",
                       "CORSResponse: This CORS request is not allowed. This is usually because "
                       "the evalution of Origin, request method / Access-Control-Request-Method "
                       "or Access-Control-Request-Headers are not whitelisted by the resource's "
                       "CORS spec.");
        CHECK(xml_find(r.body, "ResourceType") == "OBJECT");
        CHECK(!r.has_header("access-control-allow-origin"));
    };
    // Origin outside the wildcard (the scheme differs, or no subdomain).
    forbidden(f.preflight(f.path("k"), {{"origin", "https://app.example.com"},
                                        {"access-control-request-method", "PUT"}}));
    forbidden(f.preflight(f.path("k"), {{"origin", "http://example.org"},
                                        {"access-control-request-method", "POST"}}));
    // A header no AllowedHeader covers.
    forbidden(f.preflight(f.path("k"),
                          {{"origin", "http://a.example.com"},
                           {"access-control-request-method", "PUT"},
                           {"access-control-request-headers", "x-amz-date, authorization"}}));
    // DELETE is allowed by no rule.
    auto del = f.preflight(f.path("k"), {{"origin", "http://a.example.com"},
                                         {"access-control-request-method", "DELETE"}});
    forbidden(del);
    CHECK(xml_find(del.body, "Method") == "DELETE");
    // GET with headers: the '*' rule has no AllowedHeader, so headers fail it.
    forbidden(f.preflight(f.path("k"), {{"origin", "http://a.example.com"},
                                        {"access-control-request-method", "GET"},
                                        {"access-control-request-headers", "range"}}));
    // Header names are case-insensitive against AllowedHeader.
    CHECK(f.preflight(f.path("k"), {{"origin", "http://a.example.com"},
                                    {"access-control-request-method", "POST"},
                                    {"access-control-request-headers", "CONTENT-TYPE"}})
              .status == 200);
}

TEST_CASE("PreflightRequest: missing Origin or method, no bucket, no configuration", "[service]") {
    cors_fixture f;
    check_s3_error(f.preflight(f.path("k"), {{"access-control-request-method", "GET"}}), 400,
                   "BadRequest", "Insufficient information. Origin request header needed.");
    check_s3_error(f.preflight(f.path("k"), {{"origin", "http://a.example.com"}}), 400,
                   "BadRequest", "Invalid Access-Control-Request-Method: null");
    check_s3_error(f.preflight(f.path("k"), {{"origin", "http://a.example.com"},
                                             {"access-control-request-method", "PATCH"}}),
                   400, "BadRequest", "Invalid Access-Control-Request-Method: PATCH");
    auto nb = f.preflight("/no-such-bucket/k", {{"origin", "http://a.example.com"},
                                                {"access-control-request-method", "GET"}});
    check_s3_error(nb, 403, "AccessForbidden", "CORSResponse: Bucket not found");
    cors_fixture bare(false);
    auto r = bare.preflight(bare.path("k"), {{"origin", "http://a.example.com"},
                                             {"access-control-request-method", "GET"}});
    check_s3_error(r, 403, "AccessForbidden", "CORSResponse: CORS is not enabled for this bucket.");
    CHECK(xml_find(r.body, "Method") == "GET");
    CHECK(xml_find(r.body, "ResourceType") == "BUCKET");
}

TEST_CASE("PreflightRequest: cross-origin responses carry the matching rule's headers",
          "[service]") {
    cors_fixture f;
    put_object(f.c, f.bucket, "k", "data");
    // GET from any origin matches the '*' rule.
    auto g = f.c.request("GET", f.path("k"), "", {{"origin", "http://site.test"}});
    REQUIRE(g.status == 200);
    CHECK(g.body == "data");
    CHECK(g.header("access-control-allow-origin") == "*");
    CHECK(g.header("access-control-allow-methods") == "GET, HEAD");
    // PUT from a matching origin: the first rule, with credentials and exposed headers.
    auto p = f.c.request("PUT", f.path("k2"), "x", {{"origin", "http://a.example.com"}});
    REQUIRE(p.status == 200);
    CHECK(p.header("access-control-allow-origin") == "http://a.example.com");
    CHECK(p.header("access-control-allow-credentials") == "true");
    CHECK(p.header("access-control-expose-headers") == "ETag, x-amz-request-id");
    // No matching rule (DELETE), or no Origin: no CORS headers, the request still runs.
    auto d = f.c.request("DELETE", f.path("k2"), "", {{"origin", "http://a.example.com"}});
    CHECK(d.status == 204);
    CHECK(!d.has_header("access-control-allow-origin"));
    auto plain = f.c.request("GET", f.path("k"));
    CHECK(!plain.has_header("access-control-allow-origin"));
    // Bucket-level operations too.
    auto list =
        f.c.request("GET", "/" + f.bucket + "?list-type=2", "", {{"origin", "http://site.test"}});
    CHECK(list.header("access-control-allow-origin") == "*");
    // A bucket without CORS configuration adds nothing.
    cors_fixture bare(false);
    put_object(bare.c, bare.bucket, "k", "data");
    CHECK(!bare.c.request("GET", bare.path("k"), "", {{"origin", "http://site.test"}})
               .has_header("access-control-allow-origin"));
}
