// PutBucketVersioning: cloudbox buckets stay unversioned; Suspended is accepted and stored,
// Enabled is 501 NotImplemented; validation and errors.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

namespace {

http_response put_versioning(s3_fixture& f, const std::string& inner,
                             const std::string& bucket = {}) {
    std::string body =
        "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + inner +
        "</VersioningConfiguration>";
    return f.c.request("PUT", "/" + (bucket.empty() ? f.bucket : bucket) + "?versioning", body,
                       {{"content-md5", md5_b64(body)}});
}

} // namespace

TEST_CASE("PutBucketVersioning: Suspended is accepted", "[service]") {
    s3_fixture f;
    auto r = put_versioning(f, "<Status>Suspended</Status><MfaDelete>Disabled</MfaDelete>");
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(r.body.empty());
    CHECK(xml_find(f.c.request("GET", "/" + f.bucket + "?versioning").body, "Status") ==
          "Suspended");
    // Objects stay single-version: listing versions shows the one null version.
    put_object(f.c, f.bucket, "k", "1");
    put_object(f.c, f.bucket, "k", "2");
    auto v = f.c.request("GET", "/" + f.bucket + "?versions");
    CHECK(xml_find(v.body, "VersionId") == "null");
    CHECK(v.body.find("<Version>") == v.body.rfind("<Version>"));
}

TEST_CASE("PutBucketVersioning: Enabled is not implemented", "[service]") {
    s3_fixture f;
    auto r = put_versioning(f, "<Status>Enabled</Status>");
    check_s3_error(r, 501, "NotImplemented");
    check_s3_error(put_versioning(f, "<Status>Suspended</Status><MfaDelete>Enabled</MfaDelete>"),
                   501, "NotImplemented");
    // Nothing was stored.
    CHECK(xml_find(f.c.request("GET", "/" + f.bucket + "?versioning").body, "Status").empty());
}

TEST_CASE("PutBucketVersioning: malformed configurations and missing bucket", "[service]") {
    s3_fixture f;
    check_s3_error(put_versioning(f, "<Status>On</Status>"), 400, "MalformedXML");
    check_s3_error(put_versioning(f, "<Status>Suspended</Status><MfaDelete>Maybe</MfaDelete>"), 400,
                   "MalformedXML");
    check_s3_error(f.c.request("PUT", "/" + f.bucket + "?versioning", "<Versioning",
                               {{"content-md5", md5_b64("<Versioning")}}),
                   400, "MalformedXML");
    check_s3_error(f.c.request("PUT", "/" + f.bucket + "?versioning", "<VersioningConfiguration/>"),
                   400, "InvalidRequest", "Missing required header for this request: Content-MD5");
    check_s3_error(put_versioning(f, "<Status>Suspended</Status>", "no-such-bucket"), 404,
                   "NoSuchBucket");
}
