// PutBucketLifecycleConfiguration: stored and re-rendered; Content-MD5 required; MalformedXML.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutBucketLifecycleConfiguration: stores the rules", "[service]") {
    s3_fixture f;
    std::string body = "<LifecycleConfiguration><Rule><ID>expire logs</ID><Filter><Prefix>logs/"
                       "</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days>"
                       "</Expiration></Rule></LifecycleConfiguration>";
    auto r =
        f.c.request("PUT", "/" + f.bucket + "?lifecycle", body, {{"content-md5", md5_b64(body)}});
    INFO(r.body);
    CHECK(r.status == 200);
    auto get = f.c.request("GET", "/" + f.bucket + "?lifecycle");
    CHECK(get.status == 200);
    CHECK(get.body == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                      "<Rule><ID>expire logs</ID><Filter><Prefix>logs/</Prefix></Filter>"
                      "<Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule>"
                      "</LifecycleConfiguration>");
}

TEST_CASE("PutBucketLifecycleConfiguration: refused documents", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?lifecycle";
    auto put = [&](const std::string& body) {
        return f.c.request("PUT", path, body, {{"content-md5", md5_b64(body)}});
    };
    std::string rule = "<LifecycleConfiguration><Rule><Filter/><Status>Enabled</Status>"
                       "<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>";
    check_s3_error(f.c.request("PUT", path, rule), 400, "InvalidRequest",
                   "Missing required header for this request: Content-MD5");
    check_s3_error(put("<LifecycleConfiguration></LifecycleConfiguration>"), 400, "MalformedXML");
    check_s3_error(put("<LifecycleConfiguration><Rule><Status>On</Status></Rule>"
                       "</LifecycleConfiguration>"),
                   400, "MalformedXML");
    check_s3_error(put("<Lifecycle><Rule><Status>Enabled</Status></Rule></Lifecycle>"), 400,
                   "MalformedXML");
    check_s3_error(put("<LifecycleConfiguration>"), 400, "MalformedXML");
    check_s3_error(
        f.c.request("PUT", "/no-such-bucket?lifecycle", rule, {{"content-md5", md5_b64(rule)}}),
        404, "NoSuchBucket");
}

TEST_CASE("PutBucketLifecycleConfiguration: rule checks S3 makes", "[service]") {
    s3_fixture f;
    auto put = [&](const std::string& rule) {
        std::string body =
            "<LifecycleConfiguration><Rule>" + rule + "</Rule></LifecycleConfiguration>";
        return f.c.request("PUT", "/" + f.bucket + "?lifecycle", body,
                           {{"content-md5", md5_b64(body)}});
    };
    const std::string ok = "<Status>Enabled</Status><Expiration><Days>7</Days></Expiration>";
    CHECK(put("<Filter/>" + ok).status == 200);
    CHECK(put("<Prefix>logs/</Prefix>" + ok).status == 200); // the legacy form
    for (const std::string& malformed :
         {ok, // neither Filter nor Prefix
          "<ID>x</ID>" + ok, "<Filter><And><Prefix>t</Prefix></And><Prefix></Prefix></Filter>" + ok,
          "<Filter><ObjectSizeGreaterThan>500</ObjectSizeGreaterThan><Prefix></Prefix></Filter>" +
              ok,
          "<Filter/>" + ok + "<NoncurrentVersionExpiration></NoncurrentVersionExpiration>",
          std::string(
              "<Filter/><Status>Enabled</Status><Expiration><Days>1</Days>"
              "<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>")}) {
        INFO(malformed);
        check_s3_error(put(malformed), 400, "MalformedXML");
    }
    auto date = put("<Filter/><Status>Enabled</Status><Expiration><Date>2023-01-01T02:02:00Z"
                    "</Date></Expiration>");
    check_s3_error(date, 400, "InvalidArgument", "'Date' must be at midnight GMT");
    CHECK(xml_find(date.body, "ArgumentName") == "Date");
    CHECK(put("<Filter/><Status>Enabled</Status><Expiration><Date>2023-01-01T00:00:00Z</Date>"
              "</Expiration>")
              .status == 200);
    check_s3_error(put("<Filter><And><Tag><Key>k</Key><Value>1</Value></Tag><Tag><Key>k</Key>"
                       "<Value>2</Value></Tag></And></Filter>" +
                       ok),
                   400, "InvalidRequest", "Duplicate Tag Keys are not allowed.");
}
