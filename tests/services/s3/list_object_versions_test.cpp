// ListObjectVersions: every object of an unversioned bucket is its "null" version; prefix,
// delimiter, key-marker, max-keys, encoding-type and errors.
#include "s3/listing_support.hpp"

using namespace cloudbox::test;
using namespace cloudbox::test::listing;

namespace {

using strings = std::vector<std::string>;

struct versions_fixture : s3_fixture {
    page list(const std::string& query = "") {
        return parse_page(
            c.request("GET", "/" + bucket + "?versions" + (query.empty() ? "" : "&" + query)));
    }
};

} // namespace

TEST_CASE("ListObjectVersions: each object is one null version, latest", "[service]") {
    versions_fixture f;
    put_object(f.c, f.bucket, "b", "bb");
    put_object(f.c, f.bucket, "a", "a");
    auto p = f.list();
    CHECK(p.root.name == "ListVersionsResult");
    CHECK(p.keys == strings{"a", "b"});
    CHECK(p.order == strings{"Name", "Prefix", "KeyMarker", "VersionIdMarker", "MaxKeys",
                             "IsTruncated", "Version", "Version"});
    const auto* v = p.root.child("Version");
    REQUIRE(v != nullptr);
    std::vector<std::string> names;
    for (const auto& e : v->children) {
        names.push_back(e.name);
    }
    CHECK(names == strings{"Key", "VersionId", "IsLatest", "LastModified", "ETag", "Size",
                           "StorageClass", "Owner"});
    CHECK(v->child_text("VersionId") == "null");
    CHECK(v->child_text("IsLatest") == "true");
    CHECK(v->child_text("ETag") == "\"" + md5_hex("a") + "\"");
    CHECK(v->child_text("Size") == "1");
    CHECK(!p.root.child("DeleteMarker"));
}

TEST_CASE("ListObjectVersions: prefix, delimiter, key-marker and max-keys page", "[service]") {
    versions_fixture f;
    for (const auto* k : {"asdf", "boo/bar", "boo/baz/xyzzy", "cquux/thud", "cquux/bla"}) {
        put_object(f.c, f.bucket, k, "x");
    }
    auto p1 = f.list("delimiter=/&max-keys=2");
    CHECK(p1.keys == strings{"asdf"});
    CHECK(p1.prefixes == strings{"boo/"});
    CHECK(p1.truncated);
    CHECK(p1.next_marker == "boo/");
    CHECK(p1.root.child_text("NextVersionIdMarker") == "null");
    CHECK(p1.order == strings{"Name", "Prefix", "KeyMarker", "VersionIdMarker", "NextKeyMarker",
                              "NextVersionIdMarker", "MaxKeys", "Delimiter", "IsTruncated",
                              "Version", "CommonPrefixes"});
    auto p2 = f.list("delimiter=/&max-keys=2&key-marker=boo/&version-id-marker=null");
    CHECK(p2.keys.empty());
    CHECK(p2.prefixes == strings{"cquux/"});
    CHECK(!p2.truncated);
    CHECK(p2.root.child_text("KeyMarker") == "boo/");
    CHECK(p2.root.child_text("VersionIdMarker") == "null");
    CHECK(f.list("prefix=cquux/").keys == strings{"cquux/bla", "cquux/thud"});
    CHECK(f.list("key-marker=cquux/bla").keys == strings{"cquux/thud"});
    auto zero = f.list("max-keys=0");
    CHECK(zero.keys.empty());
    CHECK(!zero.truncated);
}

TEST_CASE("ListObjectVersions: encoding-type=url", "[service]") {
    versions_fixture f;
    put_object(f.c, f.bucket, "a b/c+d", "x");
    auto r =
        f.c.request("GET", "/" + f.bucket + "?versions&encoding-type=url&key-marker=" + q("0 ") +
                               "&prefix=" + q("a "));
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    CHECK(doc->child("Version")->child_text("Key") == "a+b/c%2Bd");
    CHECK(doc->child_text("KeyMarker") == "0+");
    CHECK(doc->child_text("Prefix") == "a+");
    CHECK(doc->child_text("EncodingType") == "url");
}

TEST_CASE("ListObjectVersions: errors", "[service]") {
    versions_fixture f;
    check_s3_error(f.c.request("GET", "/no-such-bucket?versions"), 404, "NoSuchBucket");
    auto r = f.c.request("GET", "/" + f.bucket + "?versions&version-id-marker=null");
    check_s3_error(r, 400, "InvalidArgument",
                   "A version-id marker cannot be specified without a key marker.");
    CHECK(xml_find(r.body, "ArgumentName") == "version-id-marker");
    r = f.c.request("GET", "/" + f.bucket + "?versions&key-marker=a&version-id-marker=abc");
    check_s3_error(r, 400, "InvalidArgument", "Invalid version id specified");
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?versions&max-keys=x"), 400,
                   "InvalidArgument", "Provided max-keys not an integer or within integer range");
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?versions&encoding-type=gzip"), 400,
                   "InvalidArgument", "Invalid Encoding Method specified in Request");
}
