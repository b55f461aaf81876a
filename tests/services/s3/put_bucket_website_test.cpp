// PutBucketWebsite: stored and re-rendered; the IndexDocument rules S3 checks; NoSuchBucket.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("PutBucketWebsite: stores the configuration", "[service]") {
    s3_fixture f;
    std::string body = "<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix>"
                       "</IndexDocument><ErrorDocument><Key>404.html</Key></ErrorDocument>"
                       "</WebsiteConfiguration>";
    auto r = f.c.request("PUT", "/" + f.bucket + "?website", body);
    INFO(r.body);
    CHECK(r.status == 200);
    auto get = f.c.request("GET", "/" + f.bucket + "?website");
    CHECK(get.body == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<WebsiteConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                      "<IndexDocument><Suffix>index.html</Suffix></IndexDocument>"
                      "<ErrorDocument><Key>404.html</Key></ErrorDocument>"
                      "</WebsiteConfiguration>");
    std::string redirect = "<WebsiteConfiguration><RedirectAllRequestsTo><HostName>example.com"
                           "</HostName></RedirectAllRequestsTo></WebsiteConfiguration>";
    CHECK(f.c.request("PUT", "/" + f.bucket + "?website", redirect).status == 200);
    CHECK(xml_find(f.c.request("GET", "/" + f.bucket + "?website").body, "HostName") ==
          "example.com");
}

TEST_CASE("PutBucketWebsite: IndexDocument rules and NoSuchBucket", "[service]") {
    s3_fixture f;
    auto path = "/" + f.bucket + "?website";
    auto missing = f.c.request("PUT", path,
                               "<WebsiteConfiguration><ErrorDocument><Key>e.html</Key>"
                               "</ErrorDocument></WebsiteConfiguration>");
    check_s3_error(missing, 400, "InvalidArgument",
                   "A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo "
                   "is empty");
    CHECK(xml_find(missing.body, "ArgumentName") == "IndexDocument");
    CHECK(xml_find(missing.body, "ArgumentValue") == "null");
    check_s3_error(f.c.request("PUT", path,
                               "<WebsiteConfiguration><IndexDocument><Suffix>a/index.html</Suffix>"
                               "</IndexDocument></WebsiteConfiguration>"),
                   400, "InvalidArgument", "The IndexDocument Suffix is not well formed");
    check_s3_error(f.c.request("PUT", path, "<Website/>"), 400, "MalformedXML");
    check_s3_error(f.c.request("PUT", "/no-such-bucket?website",
                               "<WebsiteConfiguration><IndexDocument><Suffix>i.html</Suffix>"
                               "</IndexDocument></WebsiteConfiguration>"),
                   404, "NoSuchBucket");
}
