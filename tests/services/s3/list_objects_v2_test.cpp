// ListObjectsV2: continuation tokens, StartAfter, KeyCount, FetchOwner, encoding-type, errors,
// and a listing checked against a reference model over thousands of keys (bytes 0xFF, UTF-8).
#include "s3/listing_support.hpp"

#include <random>

using namespace cloudbox::test;
using namespace cloudbox::test::listing;

namespace {

using strings = std::vector<std::string>;

struct v2_fixture : s3_fixture {
    void put_keys(const std::vector<std::string>& keys) {
        for (const auto& k : keys) {
            put_object(c, bucket, k, "x");
        }
    }
    page list(const std::string& query = "") {
        return parse_page(
            c.request("GET", "/" + bucket + "?list-type=2" + (query.empty() ? "" : "&" + query)));
    }
};

} // namespace

TEST_CASE("ListObjectsV2: lists keys with KeyCount and S3's element order", "[service]") {
    v2_fixture f;
    f.put_keys({"b", "a/1", "a/2"});
    auto p = f.list("delimiter=/");
    CHECK(p.keys == strings{"b"});
    CHECK(p.prefixes == strings{"a/"});
    CHECK(p.key_count == 2);
    CHECK(p.order == strings{"Name", "Prefix", "KeyCount", "MaxKeys", "Delimiter", "IsTruncated",
                             "Contents", "CommonPrefixes"});
    // No Owner unless fetch-owner=true.
    CHECK(!p.root.child("Contents")->child("Owner"));
    auto owned = f.list("fetch-owner=true");
    CHECK(owned.root.child("Contents")->child("Owner"));
    CHECK(!f.list("fetch-owner=false").root.child("Contents")->child("Owner"));
    CHECK(!p.root.child("Marker"));
}

TEST_CASE("ListObjectsV2: continuation token pages and is echoed", "[service]") {
    v2_fixture f;
    f.put_keys({"bar", "baz", "foo", "quxx"});
    auto p1 = f.list("max-keys=1");
    CHECK(p1.keys == strings{"bar"});
    CHECK(p1.truncated);
    REQUIRE(p1.next_token);
    CHECK(p1.key_count == 1);
    auto p2 = f.list("continuation-token=" + q(*p1.next_token));
    CHECK(p2.keys == strings{"baz", "foo", "quxx"});
    CHECK(!p2.truncated);
    CHECK(!p2.next_token);
    CHECK(p2.root.child_text("ContinuationToken") == *p1.next_token);
    CHECK(p2.order == strings{"Name", "Prefix", "ContinuationToken", "KeyCount", "MaxKeys",
                              "IsTruncated", "Contents", "Contents", "Contents"});
    // The token wins over StartAfter, which S3 then does not echo (AWS-recorded answer).
    auto both = f.list("start-after=foo&continuation-token=" + q(*p1.next_token));
    CHECK(both.keys == strings{"baz", "foo", "quxx"});
    CHECK_FALSE(both.root.child_text("StartAfter"));
    CHECK(f.c.request("GET", "/" + f.bucket + "?list-type=2").header("x-amz-bucket-region") ==
          "us-east-1");
}

TEST_CASE("ListObjectsV2: start-after", "[service]") {
    v2_fixture f;
    f.put_keys({"bar", "baz", "foo", "quxx"});
    auto p = f.list("start-after=baz");
    CHECK(p.keys == strings{"foo", "quxx"});
    CHECK(p.root.child_text("StartAfter") == "baz");
    CHECK(p.order.at(2) == "StartAfter");
    CHECK(f.list("start-after=zzz").keys.empty());
    CHECK(f.list("start-after=%0A").keys.size() == 4);
}

TEST_CASE("ListObjectsV2: tokens step over a whole common prefix", "[service]") {
    v2_fixture f;
    f.put_keys({"asdf", "boo/bar", "boo/baz/xyzzy", "cquux/thud", "cquux/bla"});
    auto p1 = f.list("delimiter=/&max-keys=2");
    CHECK(p1.keys == strings{"asdf"});
    CHECK(p1.prefixes == strings{"boo/"});
    REQUIRE(p1.next_token);
    auto p2 = f.list("delimiter=/&max-keys=2&continuation-token=" + q(*p1.next_token));
    CHECK(p2.keys.empty());
    CHECK(p2.prefixes == strings{"cquux/"});
    CHECK(!p2.truncated);
    CHECK(p2.key_count == 1);
}

TEST_CASE("ListObjectsV2: max-keys and encoding", "[service]") {
    v2_fixture f;
    f.put_keys({"a b", "a+b", "\xED\x95\x9C/x"});
    auto zero = f.list("max-keys=0");
    CHECK(zero.keys.empty());
    CHECK(!zero.truncated);
    CHECK(zero.key_count == 0);
    auto r = f.c.request("GET", "/" + f.bucket + "?list-type=2&encoding-type=url&delimiter=/" +
                                    "&start-after=" + q("0 0") + "&prefix=");
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    std::vector<std::string> keys;
    for (const auto* c : doc->children_named("Contents")) {
        keys.push_back(c->child_text("Key").value_or(""));
    }
    CHECK(keys == strings{"a+b", "a%2Bb"});
    CHECK(doc->child("CommonPrefixes")->child_text("Prefix") == "%ED%95%9C/");
    CHECK(doc->child_text("StartAfter") == "0+0");
    // EncodingType follows Delimiter, before IsTruncated.
    std::vector<std::string> order;
    for (const auto& c : doc->children) {
        order.push_back(c.name);
    }
    CHECK(order == strings{"Name", "Prefix", "StartAfter", "KeyCount", "MaxKeys", "Delimiter",
                           "EncodingType", "IsTruncated", "Contents", "Contents",
                           "CommonPrefixes"});
}

TEST_CASE("ListObjectsV2: errors", "[service]") {
    v2_fixture f;
    check_s3_error(f.c.request("GET", "/no-such-bucket?list-type=2"), 404, "NoSuchBucket");
    auto r = f.c.request("GET", "/" + f.bucket + "?list-type=2&continuation-token=bogus");
    check_s3_error(r, 400, "InvalidArgument", "The continuation token provided is incorrect");
    CHECK(xml_find(r.body, "ArgumentName") == "continuation-token");
    CHECK(xml_find(r.body, "ArgumentValue") == "bogus");
    // Valid base64 that is not one of cloudbox's tokens.
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?list-type=2&continuation-token=" +
                                          q(cloudbox::core::base64_encode("key"))),
                   400, "InvalidArgument", "The continuation token provided is incorrect");
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?list-type=2&encoding-type=URL"), 400,
                   "InvalidArgument", "Invalid Encoding Method specified in Request");
    check_s3_error(f.c.request("GET", "/" + f.bucket + "?list-type=2&max-keys=-5"), 400,
                   "InvalidArgument",
                   "Argument maxKeys must be an integer between 0 and 2147483647");
    r = f.c.request("GET", "/" + f.bucket + "?list-type=2&marker=a");
    check_s3_error(r, 400, "InvalidArgument",
                   "Marker unsupported with REST.GET.BUCKET in list-type=2");
    CHECK(xml_find(r.body, "ArgumentName") == "marker");
}

namespace {

// Random keys over an alphabet that stresses byte order: delimiters, '.' and '-' (sorting
// below '/'), 0xFF (above every UTF-8 byte), and multi-byte characters whose UTF-8 order differs
// from their UTF-16 order (U+FF61 < U+1F600 in UTF-8, the reverse in UTF-16).
std::set<std::string> random_keys(std::size_t count, std::uint32_t seed) {
    static const std::vector<std::string> alphabet{
        "a", "b", "/", "-", ".", "\xFF", "\xC3\xA9", "\xEF\xBD\xA1", "\xF0\x9F\x98\x80", "/", "ab"};
    std::mt19937 gen(seed);
    std::set<std::string> keys;
    while (keys.size() < count) {
        std::string k;
        std::size_t len = 1 + gen() % 7;
        for (std::size_t i = 0; i < len; ++i) {
            k += alphabet[gen() % alphabet.size()];
        }
        keys.insert(k);
    }
    return keys;
}

// Pages through ListObjectsV2 with encoding-type=url and returns every entry seen.
std::vector<entry> page_all_v2(v2_fixture& f, const std::string& prefix,
                               const std::string& delimiter, int max_keys,
                               const std::string& start_after, int& pages) {
    std::vector<entry> seen;
    std::optional<std::string> token;
    pages = 0;
    for (;;) {
        std::string query = "encoding-type=url&max-keys=" + std::to_string(max_keys) +
                            "&prefix=" + q(prefix) + "&delimiter=" + q(delimiter);
        if (!start_after.empty()) {
            query += "&start-after=" + q(start_after);
        }
        if (token) {
            query += "&continuation-token=" + q(*token);
        }
        auto p = f.list(query);
        ++pages;
        REQUIRE(p.key_count == static_cast<int>(p.keys.size() + p.prefixes.size()));
        REQUIRE(p.keys.size() + p.prefixes.size() <= static_cast<std::size_t>(max_keys));
        auto e = entries_of(p);
        seen.insert(seen.end(), e.begin(), e.end());
        if (!p.truncated) {
            REQUIRE(!p.next_token);
            break;
        }
        REQUIRE(p.key_count == std::min(max_keys, 1000));
        REQUIRE(p.next_token);
        token = p.next_token;
        REQUIRE(pages < 10000);
    }
    return seen;
}

} // namespace

TEST_CASE("ListObjectsV2: matches the reference listing over 3,000 random keys",
          "[service][slow]") {
    v2_fixture f;
    auto keys = random_keys(3000, 7);
    for (const auto& k : keys) {
        put_object(f.c, f.bucket, k, "");
    }
    struct param {
        std::string prefix, delimiter;
        int max_keys;
        std::string start_after;
    };
    const std::vector<param> params{
        {"", "", 1000, ""},  {"", "", 7, ""},
        {"", "/", 1000, ""}, {"", "/", 3, ""},
        {"a", "/", 5, ""},   {"a/", "/", 2, ""},
        {"", "\xFF", 4, ""}, {"\xFF", "/", 3, ""},
        {"", "b", 6, "a/b"},                              // start inside a common prefix
        {"", "/", 1, "a"},   {"", "\xC3\xA9", 9, "\xEF"}, // start between multi-byte characters
        {"-", ".", 2, ""},   {"\xF0\x9F\x98\x80", "/", 4, "\xF0\x9F\x98\x80/"},
        {"", "ab", 11, ""},
    };
    for (const auto& p : params) {
        INFO("prefix=" << q(p.prefix) << " delimiter=" << q(p.delimiter)
                       << " max-keys=" << p.max_keys << " start-after=" << q(p.start_after));
        auto expected = reference_list(keys, p.prefix, p.delimiter, p.start_after);
        int pages = 0;
        auto seen = page_all_v2(f, p.prefix, p.delimiter, p.max_keys, p.start_after, pages);
        CHECK(seen == expected);
        std::size_t want_pages =
            std::max<std::size_t>(1, (expected.size() + p.max_keys - 1) / p.max_keys);
        CHECK(static_cast<std::size_t>(pages) == want_pages);
    }
}

TEST_CASE("ListObjectsV2: 2,500 keys in three pages of at most 1000", "[service][slow]") {
    v2_fixture f;
    for (int i = 0; i < 2500; ++i) {
        put_object(f.c, f.bucket, "p/" + std::to_string(100000 + i), "");
    }
    int pages = 0;
    auto seen = page_all_v2(f, "", "", 5000, "", pages);
    CHECK(pages == 3);
    REQUIRE(seen.size() == 2500);
    CHECK(seen.front().name == "p/100000");
    CHECK(seen.back().name == "p/102499");
    auto p = f.list("delimiter=/");
    CHECK(p.prefixes == strings{"p/"});
    CHECK(p.key_count == 1);
}

TEST_CASE("ListObjectsV2: LastModified in whole seconds, equal to HeadObject's", "[service]") {
    s3_fixture f;
    f.srv.app().clock().set(std::chrono::sys_days{std::chrono::year{2031} / 3 / 4} +
                            std::chrono::hours(5) + std::chrono::milliseconds(750));
    f.srv.app().clock().freeze();
    put_object(f.c, f.bucket, "k", "x");
    auto r = f.c.request("GET", "/" + f.bucket + "?list-type=2");
    CHECK(xml_find(r.body, "LastModified") == "2031-03-04T05:00:00.000Z");
    CHECK(f.c.request("HEAD", f.path("k")).header("last-modified") ==
          "Tue, 04 Mar 2031 05:00:00 GMT");
}
