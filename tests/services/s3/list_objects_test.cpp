// ListObjects (v1): prefixes, delimiters, markers, NextMarker, max-keys, encoding-type, errors.
// Many expectations follow ceph's s3-tests, which were checked against AWS.
#include "s3/listing_support.hpp"

#include "s3/s3_owner.hpp"

using namespace cloudbox::test;
using namespace cloudbox::test::listing;

namespace {

struct v1_fixture : s3_fixture {
    void put_keys(const std::vector<std::string>& keys) {
        for (const auto& k : keys) {
            put_object(c, bucket, k, "x");
        }
    }
    page list(const std::string& query = "") {
        return parse_page(c.request("GET", "/" + bucket + (query.empty() ? "" : "?" + query)));
    }
};

using strings = std::vector<std::string>;

} // namespace

TEST_CASE("ListObjects: lists keys with S3's elements in S3's order", "[service]") {
    v1_fixture f;
    f.put_keys({"b", "a"});
    auto p = f.list();
    CHECK(p.keys == strings{"a", "b"});
    CHECK(p.order ==
          strings{"Name", "Prefix", "Marker", "MaxKeys", "IsTruncated", "Contents", "Contents"});
    CHECK(p.root.child_text("Name") == "test-bucket");
    CHECK(p.root.child_text("Prefix") == "");
    CHECK(p.root.child_text("Marker") == "");
    CHECK(p.root.child_text("MaxKeys") == "1000");
    CHECK(p.root.child_text("IsTruncated") == "false");
    CHECK(p.body.find("xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"") != std::string::npos);

    const auto* c = p.root.child("Contents");
    REQUIRE(c != nullptr);
    std::vector<std::string> names;
    for (const auto& e : c->children) {
        names.push_back(e.name);
    }
    // v1 always reports the Owner.
    CHECK(names == strings{"Key", "LastModified", "ETag", "Size", "Owner", "StorageClass"});
    CHECK(c->child_text("ETag") == "\"" + md5_hex("x") + "\"");
    CHECK(c->child_text("Size") == "1");
    CHECK(c->child_text("StorageClass") == "STANDARD");
    auto lm = c->child_text("LastModified").value_or("");
    CHECK(lm.size() == 24);
    CHECK(lm.ends_with("Z"));
    CHECK(lm[19] == '.');
    CHECK(c->child("Owner")->child_text("ID") == cloudbox::services::s3::owner_id);
}

TEST_CASE("ListObjects: checksum algorithm and storage class of each object", "[service]") {
    v1_fixture f;
    put_object(
        f.c, f.bucket, "crc", "data",
        {{"x-amz-checksum-crc32", checksum_b64(cloudbox::core::digest_kind::crc32, "data")}});
    put_object(f.c, f.bucket, "ia", "data", {{"x-amz-storage-class", "STANDARD_IA"}});
    auto p = f.list();
    REQUIRE(p.keys == strings{"crc", "ia"});
    auto contents = p.root.children_named("Contents");
    CHECK(contents[0]->child_text("ChecksumAlgorithm") == "CRC32");
    CHECK(contents[0]->child_text("ChecksumType") == "FULL_OBJECT");
    CHECK(!contents[1]->child("ChecksumAlgorithm"));
    CHECK(contents[1]->child_text("StorageClass") == "STANDARD_IA");
}

TEST_CASE("ListObjects: delimiter rolls keys up into common prefixes", "[service]") {
    v1_fixture f;
    f.put_keys({"foo/bar", "foo/bar/xyzzy", "quux/thud", "asdf"});
    auto p = f.list("delimiter=/");
    CHECK(p.keys == strings{"asdf"});
    CHECK(p.prefixes == strings{"foo/", "quux/"});
    CHECK(p.root.child_text("Delimiter") == "/");
    CHECK(p.order == strings{"Name", "Prefix", "Marker", "MaxKeys", "Delimiter", "IsTruncated",
                             "Contents", "CommonPrefixes", "CommonPrefixes"});

    SECTION("any string is a delimiter") {
        v1_fixture g;
        g.put_keys({"bar", "baz", "cab", "foo"});
        auto a = g.list("delimiter=a");
        CHECK(a.keys == strings{"foo"});
        CHECK(a.prefixes == strings{"ba", "ca"});
        auto multi = g.list("delimiter=" + q("ab"));
        CHECK(multi.keys == strings{"bar", "baz", "foo"});
        CHECK(multi.prefixes == strings{"cab"});
    }
    SECTION("a delimiter no key holds lists every key, and is echoed") {
        auto none = f.list("delimiter=" + q("%"));
        CHECK(none.keys.size() == 4);
        CHECK(none.prefixes.empty());
        CHECK(none.root.child_text("Delimiter") == "%");
    }
    SECTION("an empty delimiter is no delimiter and is not echoed") {
        auto empty = f.list("delimiter=");
        CHECK(empty.keys.size() == 4);
        CHECK(!empty.root.child("Delimiter"));
    }
}

TEST_CASE("ListObjects: prefix selects keys and is always echoed", "[service]") {
    v1_fixture f;
    f.put_keys({"foo/bar", "foo/baz", "quux", "asdf/", "foo0"});
    auto p = f.list("prefix=foo/");
    CHECK(p.keys == strings{"foo/bar", "foo/baz"});
    CHECK(p.root.child_text("Prefix") == "foo/");
    CHECK(f.list("prefix=nothing").keys.empty());
    // A key equal to prefix + delimiter is a key, not a common prefix.
    auto d = f.list("prefix=asdf/&delimiter=/");
    CHECK(d.keys == strings{"asdf/"});
    CHECK(d.prefixes.empty());
    // Prefix with a delimiter: common prefixes below the prefix.
    auto sub = f.list("prefix=f&delimiter=/");
    CHECK(sub.keys == strings{"foo0"});
    CHECK(sub.prefixes == strings{"foo/"});
}

TEST_CASE("ListObjects: marker pages, NextMarker only under a delimiter", "[service]") {
    v1_fixture f;
    f.put_keys({"bar", "baz", "foo", "quxx"});
    auto p = f.list("max-keys=1");
    CHECK(p.keys == strings{"bar"});
    CHECK(p.truncated);
    CHECK(!p.root.child("NextMarker"));
    CHECK(p.root.child_text("MaxKeys") == "1");
    auto rest = f.list("marker=bar");
    CHECK(rest.keys == strings{"baz", "foo", "quxx"});
    CHECK(!rest.truncated);
    CHECK(rest.root.child_text("Marker") == "bar");
    // Markers need not be keys; a marker past the end lists nothing.
    CHECK(f.list("marker=bas").keys == strings{"baz", "foo", "quxx"});
    auto after = f.list("marker=zzz");
    CHECK(after.keys.empty());
    CHECK(!after.truncated);
    // A marker that is no valid text is still echoed.
    CHECK(f.list("marker=%0A").root.child_text("Marker") == "\n");
}

TEST_CASE("ListObjects: delimiter paging with markers (s3-tests delimiter_prefix)", "[service]") {
    v1_fixture f;
    f.put_keys({"asdf", "boo/bar", "boo/baz/xyzzy", "cquux/thud", "cquux/bla"});
    auto p1 = f.list("delimiter=/&max-keys=1");
    CHECK(p1.keys == strings{"asdf"});
    CHECK(p1.truncated);
    CHECK(p1.next_marker == "asdf");
    auto p2 = f.list("delimiter=/&max-keys=1&marker=asdf");
    CHECK(p2.prefixes == strings{"boo/"});
    CHECK(p2.truncated);
    CHECK(p2.next_marker == "boo/");
    // A marker equal to a common prefix skips every key under it.
    auto p3 = f.list("delimiter=/&max-keys=1&marker=boo/");
    CHECK(p3.prefixes == strings{"cquux/"});
    CHECK(!p3.truncated);
    CHECK(!p3.root.child("NextMarker"));

    auto two = f.list("delimiter=/&max-keys=2");
    CHECK(two.keys == strings{"asdf"});
    CHECK(two.prefixes == strings{"boo/"});
    CHECK(two.next_marker == "boo/");

    auto b1 = f.list("prefix=boo/&delimiter=/&max-keys=1");
    CHECK(b1.keys == strings{"boo/bar"});
    CHECK(b1.next_marker == "boo/bar");
    auto b2 = f.list("prefix=boo/&delimiter=/&max-keys=1&marker=boo/bar");
    CHECK(b2.prefixes == strings{"boo/baz/"});
    CHECK(!b2.truncated);

    // A marker inside a common prefix: that prefix sorts before the marker, so it is not listed
    // again; the listing resumes after it.
    auto inside = f.list("delimiter=/&marker=boo/bar");
    CHECK(inside.keys.empty());
    CHECK(inside.prefixes == strings{"cquux/"});
}

TEST_CASE("ListObjects: a common prefix sorts among keys by bytes", "[service]") {
    v1_fixture f;
    // '.' (0x2E) < '/' (0x2F) < '1' (0x31): the common prefix lands between the keys.
    f.put_keys({"dir1/subdir/file.txt", "dir1/subdir.ext", "dir1/subdir1.ext", "dir1/subdir2.ext"});
    auto p = f.list("prefix=dir1/&delimiter=/&max-keys=2");
    CHECK(p.keys == strings{"dir1/subdir.ext"});
    CHECK(p.prefixes == strings{"dir1/subdir/"});
    CHECK(p.truncated);
    CHECK(p.next_marker == "dir1/subdir/");
    auto rest = f.list("prefix=dir1/&delimiter=/&marker=dir1/subdir/");
    CHECK(rest.keys == strings{"dir1/subdir1.ext", "dir1/subdir2.ext"});
}

TEST_CASE("ListObjects: max-keys 0, above 1000, and invalid values", "[service]") {
    v1_fixture f;
    f.put_keys({"a", "b"});
    auto zero = f.list("max-keys=0");
    CHECK(zero.keys.empty());
    CHECK(!zero.truncated);
    CHECK(zero.root.child_text("MaxKeys") == "0");
    auto big = f.list("max-keys=5000");
    CHECK(big.keys.size() == 2);
    CHECK(big.root.child_text("MaxKeys") == "5000");

    auto r = f.c.request("GET", "/" + f.bucket + "?max-keys=-1");
    check_s3_error(r, 400, "InvalidArgument",
                   "Argument maxKeys must be an integer between 0 and 2147483647");
    CHECK(xml_find(r.body, "ArgumentName") == "maxKeys");
    CHECK(xml_find(r.body, "ArgumentValue") == "-1");
    r = f.c.request("GET", "/" + f.bucket + "?max-keys=blah");
    check_s3_error(r, 400, "InvalidArgument",
                   "Provided max-keys not an integer or within integer range");
    CHECK(xml_find(r.body, "ArgumentName") == "max-keys");
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?max-keys=99999999999"), 400,
                   "InvalidArgument", "Provided max-keys not an integer or within integer range");
}

TEST_CASE("ListObjects: encoding-type=url encodes keys, prefixes, delimiter and markers",
          "[service]") {
    v1_fixture f;
    f.put_keys({"quux ab/thud", "foo+1/bar", "foo/bar/xyzzy", "asdf+b", "~t\xC3\xA9", "100%.csv"});
    auto r = f.c.request("GET", "/" + f.bucket + "?encoding-type=url&delimiter=/");
    INFO(r.body);
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    CHECK(doc->child_text("EncodingType") == "url");
    std::vector<std::string> keys;
    for (const auto* c : doc->children_named("Contents")) {
        keys.push_back(c->child_text("Key").value_or(""));
    }
    // Space is '+', '+' is %2B, '/' stays, '~' and non-ASCII bytes are escaped.
    CHECK(keys == strings{"100%25.csv", "asdf%2Bb", "%7Et%C3%A9"});
    std::vector<std::string> prefixes;
    for (const auto* c : doc->children_named("CommonPrefixes")) {
        prefixes.push_back(c->child_text("Prefix").value_or(""));
    }
    CHECK(prefixes == strings{"foo%2B1/", "foo/", "quux+ab/"});
    CHECK(doc->child_text("Delimiter") == "/");

    auto m =
        f.c.request("GET", "/" + f.bucket + "?encoding-type=url&delimiter=" + q(" ") +
                               "&prefix=" + q("quux a") + "&marker=" + q("a b") + "&max-keys=1");
    auto md = cloudbox::protocol::parse_xml(m.body);
    REQUIRE(md);
    CHECK(md->child_text("Delimiter") == "+");
    CHECK(md->child_text("Prefix") == "quux+a");
    CHECK(md->child_text("Marker") == "a+b");
    // The parsed page decodes what was encoded.
    auto p = f.list("encoding-type=url&delimiter=/&max-keys=2");
    CHECK(p.keys == strings{"100%.csv", "asdf+b"});
    CHECK(p.next_marker == "asdf+b");
    CHECK(p.root.child_text("NextMarker") == "asdf%2Bb");
}

TEST_CASE("ListObjects: errors", "[service]") {
    v1_fixture f;
    auto r = f.c.request("GET", "/no-such-bucket");
    check_s3_error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(r.body, "BucketName") == "no-such-bucket");
    r = f.c.request("GET", "/" + f.bucket + "?encoding-type=xml");
    check_s3_error(r, 400, "InvalidArgument", "Invalid Encoding Method specified in Request");
    CHECK(xml_find(r.body, "ArgumentName") == "encoding-type");
    CHECK(xml_find(r.body, "ArgumentValue") == "xml");
}

TEST_CASE("ListObjects: 2,500 keys page by marker in byte order", "[service][slow]") {
    v1_fixture f;
    std::set<std::string> keys;
    for (int i = 0; i < 2500; ++i) {
        std::string k = "dir" + std::to_string(i % 7) + "/k" + std::to_string(i);
        keys.insert(k);
        put_object(f.c, f.bucket, k, "");
    }
    std::vector<std::string> seen;
    std::string marker;
    int pages = 0;
    for (;;) {
        auto p = f.list(marker.empty() ? "" : "marker=" + q(marker));
        ++pages;
        CHECK(p.keys.size() <= 1000);
        seen.insert(seen.end(), p.keys.begin(), p.keys.end());
        if (!p.truncated) {
            break;
        }
        marker = p.keys.back();
    }
    CHECK(pages == 3);
    CHECK(seen == strings(keys.begin(), keys.end()));
    // With a delimiter, every key rolls up: one page of seven prefixes.
    auto d = f.list("delimiter=/");
    CHECK(d.prefixes.size() == 7);
    CHECK(!d.truncated);
}
