// ListMultipartUploads: GET /bucket?uploads.
#include "multipart_support.hpp"

#include <algorithm>
#include <chrono>
#include <map>

using namespace cloudbox::test;
using namespace cloudbox::test::multipart;

namespace {

struct listing {
    std::vector<std::string> uploads; // upload ids
    std::vector<std::string> keys;
    std::vector<std::string> prefixes;
    std::map<std::string, std::string> fields;
};

listing list(fixture& f, const std::string& query) {
    auto r = f.c.request("GET", "/bucket?uploads" + query);
    REQUIRE(r.status == 200);
    auto doc = xml(r);
    listing out;
    for (const auto& child : doc.children) {
        if (child.name == "Upload") {
            out.uploads.push_back(text(child, "UploadId"));
            out.keys.push_back(text(child, "Key"));
        } else if (child.name == "CommonPrefixes") {
            out.prefixes.push_back(text(child, "Prefix"));
        } else {
            out.fields[child.name] = child.text;
        }
    }
    return out;
}

} // namespace

TEST_CASE("ListMultipartUploads lists by key, then by initiation, with its fields", "[service]") {
    fixture f;
    auto& clock = f.srv.app().clock();
    clock.freeze();
    clock.set(std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)));

    auto empty = f.c.request("GET", "/bucket?uploads");
    REQUIRE(empty.status == 200);
    CHECK(empty.body.find("<ListMultipartUploadsResult "
                          "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>bucket</"
                          "Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>"
                          "<NextKeyMarker></NextKeyMarker><NextUploadIdMarker></"
                          "NextUploadIdMarker><MaxUploads>1000</MaxUploads>"
                          "<IsTruncated>false</IsTruncated></ListMultipartUploadsResult>") !=
          std::string::npos);

    // Created in this order, one second apart; the same key twice.
    std::vector<std::string> keys{"b", "c d", "a/2", "b", "a/1"};
    std::vector<std::string> ids;
    for (const auto& key : keys) {
        ids.push_back(
            f.create(key == "c d" ? "c%20d" : key,
                     key == "a/1" ? headers{{"x-amz-checksum-algorithm", "SHA1"}} : headers{}));
        clock.advance(std::chrono::seconds(1));
    }
    const auto& b1 = ids[0];
    const auto& cd = ids[1];
    const auto& a2 = ids[2];
    const auto& b2 = ids[3];
    const auto& a1 = ids[4];

    auto r = f.c.request("GET", "/bucket?uploads");
    auto doc = xml(r);
    auto uploads = doc.children_named("Upload");
    REQUIRE(uploads.size() == 5);
    const auto& first = *uploads[0];
    CHECK(text(first, "Key") == "a/1");
    CHECK(text(first, "UploadId") == a1);
    CHECK(text(first, "Initiated") == "2026-01-01T00:00:04.000Z");
    CHECK(text(first, "StorageClass") == "STANDARD");
    CHECK(text(first, "ChecksumAlgorithm") == "SHA1");
    CHECK(text(first, "ChecksumType") == "COMPOSITE");
    CHECK(text(*first.child("Initiator"), "ID") == text(*first.child("Owner"), "ID"));
    CHECK(r.body.find("<Upload><Key>a/1</Key><UploadId>" + a1 + "</UploadId><Initiator><ID>") !=
          std::string::npos);
    CHECK_FALSE(uploads[1]->child("ChecksumAlgorithm"));

    struct list_case {
        std::string query;
        std::vector<std::string> uploads;
        std::vector<std::string> prefixes;
        std::map<std::string, std::string> fields; // beyond the defaults
    };
    std::map<std::string, std::string> defaults{
        {"Bucket", "bucket"},    {"KeyMarker", ""},          {"UploadIdMarker", ""},
        {"NextKeyMarker", ""},   {"NextUploadIdMarker", ""}, {"MaxUploads", "1000"},
        {"IsTruncated", "false"}}; // Prefix only when the request gives one
    auto next = [](const std::string& key, const std::string& id) {
        return std::map<std::string, std::string>{{"NextKeyMarker", key},
                                                  {"NextUploadIdMarker", id}};
    };
    auto with = [](std::map<std::string, std::string> a,
                   const std::map<std::string, std::string>& b) {
        for (const auto& [k, v] : b) {
            a[k] = v;
        }
        return a;
    };
    auto last = next("c d", cd);
    std::vector<list_case> cases{
        {"", {a1, a2, b1, b2, cd}, {}, last},
        {"&prefix=a/", {a1, a2}, {}, with({{"Prefix", "a/"}}, next("a/2", a2))},
        {"&delimiter=/", {b1, b2, cd}, {"a/"}, with({{"Delimiter", "/"}}, last)},
        {"&max-uploads=3",
         {a1, a2, b1},
         {},
         with({{"MaxUploads", "3"}, {"IsTruncated", "true"}}, next("b", b1))},
        {"&key-marker=b&upload-id-marker=" + b1,
         {b2, cd},
         {},
         with({{"KeyMarker", "b"}, {"UploadIdMarker", b1}}, last)},
        {"&key-marker=b", {cd}, {}, with({{"KeyMarker", "b"}}, last)},
        // S3 ignores an upload-id-marker without a key-marker.
        {"&upload-id-marker=" + b1, {a1, a2, b1, b2, cd}, {}, last},
        {"&max-uploads=5000", {a1, a2, b1, b2, cd}, {}, last},
        {"&max-uploads=0", {}, {}, {{"MaxUploads", "0"}}},
        {"&delimiter=/&max-uploads=1",
         {},
         {"a/"},
         with({{"MaxUploads", "1"}, {"IsTruncated", "true"}, {"Delimiter", "/"}}, next("a/", ""))},
        {"&delimiter=/&max-uploads=1&key-marker=a/",
         {b1},
         {},
         with({{"MaxUploads", "1"},
               {"IsTruncated", "true"},
               {"Delimiter", "/"},
               {"KeyMarker", "a/"}},
              next("b", b1))},
        {"&encoding-type=url&key-marker=b%20%2A",
         {cd},
         {},
         with({{"EncodingType", "url"}, {"KeyMarker", "b+*"}}, next("c+d", cd))},
        {"&encoding-type=url&prefix=c%20&delimiter=d",
         {},
         {"c+d"},
         // Untruncated and ending on a common prefix: an empty NextKeyMarker.
         with({{"EncodingType", "url"}, {"Prefix", "c+"}, {"Delimiter", "d"}}, next("", ""))},
        // A key marker inside a common prefix resumes after the whole group.
        {"&delimiter=/&key-marker=a/1",
         {b1, b2, cd},
         {},
         with({{"Delimiter", "/"}, {"KeyMarker", "a/1"}}, last)},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        auto got = list(f, c.query);
        CHECK(got.uploads == c.uploads);
        CHECK(got.prefixes == c.prefixes);
        CHECK(got.fields == with(defaults, c.fields));
    }
}

TEST_CASE("ListMultipartUploads pages through every upload with the next markers", "[service]") {
    fixture f;
    std::vector<std::string> expected;
    for (const std::string key : {"x", "y", "y", "y", "z/1", "z/2"}) {
        expected.push_back(key + " " + f.create(key));
    }
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
        return a.substr(0, a.find(' ')) < b.substr(0, b.find(' '));
    });
    std::vector<std::string> seen;
    std::string query = "&max-uploads=2";
    for (int page = 0; page < 10; ++page) {
        auto got = list(f, query);
        for (std::size_t i = 0; i < got.uploads.size(); ++i) {
            seen.push_back(got.keys[i] + " " + got.uploads[i]);
        }
        if (got.fields["IsTruncated"] != "true") {
            break;
        }
        query = "&max-uploads=2&key-marker=" + got.fields["NextKeyMarker"] +
                "&upload-id-marker=" + got.fields["NextUploadIdMarker"];
    }
    // Uploads of one key come in initiation order: the order of creation here.
    CHECK(seen == expected);
}

TEST_CASE("ListMultipartUploads refuses bad arguments and a missing bucket", "[service]") {
    fixture f;
    auto r = f.c.request("GET", "/bucket?uploads&max-uploads=-1");
    CHECK(r.status == 400);
    auto e = xml(r);
    CHECK(text(e, "Code") == "InvalidArgument");
    CHECK(text(e, "Message") == "Argument max-uploads must be an integer between 0 and 2147483647");
    CHECK(text(e, "ArgumentName") == "max-uploads");
    r = f.c.request("GET", "/bucket?uploads&encoding-type=base64");
    CHECK(r.status == 400);
    e = xml(r);
    CHECK(text(e, "Message") == "Invalid Encoding Method specified in Request");
    CHECK(text(e, "ArgumentName") == "encoding-type");
    r = f.c.request("GET", "/no-such-bucket?uploads");
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchBucket");
}
