// CompleteMultipartUpload: POST /bucket/key?uploadId=X with the list of parts.
#include "multipart_support.hpp"

#include <chrono>

using namespace cloudbox::test;
using namespace cloudbox::test::multipart;

TEST_CASE("CompleteMultipartUpload joins the listed parts into the object", "[service]") {
    fixture f;
    auto& clock = f.srv.app().clock();
    clock.freeze();
    clock.set(std::chrono::system_clock::time_point(std::chrono::seconds(1767225600))); // 2026
    const std::string a(5 * mib, 'A');
    const std::string b(5 * mib, 'B');
    auto id = f.create("folder/a%20key");
    clock.advance(std::chrono::seconds(60));
    REQUIRE(f.part(id, "1", a, {}, "folder/a%20key").status == 200);
    REQUIRE(f.part(id, "5", b, {}, "folder/a%20key").status == 200);
    REQUIRE(f.part(id, "7", "not listed", {}, "folder/a%20key").status == 200);
    REQUIRE(f.part(id, "9", "tail", {}, "folder/a%20key").status == 200);

    // ETags with quotes, without, and as XML entities.
    auto body = complete_document(
        {{1, quoted_md5(a)}, {5, md5_hex(b)}, {9, "&quot;" + md5_hex("tail") + "&quot;"}});
    auto r = f.complete(id, body, {}, "folder/a%20key");
    REQUIRE(r.status == 200);
    auto etag = multipart_etag({a, b, "tail"});
    auto expected =
        "<CompleteMultipartUploadResult "
        "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Location>http://127.0.0.1:" +
        std::to_string(f.srv.port()) +
        "/bucket/folder%2Fa%20key</Location><Bucket>bucket</Bucket><Key>folder/a "
        "key</Key><ETag>&quot;" +
        etag.substr(1, etag.size() - 2) + "&quot;</ETag></CompleteMultipartUploadResult>";
    CHECK(r.body.find(expected) != std::string::npos);

    r = f.c.request("GET", "/bucket/folder/a%20key");
    REQUIRE(r.status == 200);
    CHECK(r.body.size() == 10 * mib + 4);
    CHECK(r.body == a + b + "tail");
    CHECK(r.header("etag") == etag);
    // The part count is only reported to a request that names a part.
    CHECK_FALSE(r.has_header("x-amz-mp-parts-count"));
    // S3 dates the object by the start of the upload.
    CHECK(r.header("last-modified") == "Thu, 01 Jan 2026 00:00:00 GMT");

    // GetObject?partNumber=N answers the part N of the object.
    r = f.c.request("GET", "/bucket/folder/a%20key?partNumber=2");
    CHECK(r.status == 206);
    CHECK(r.body == b);
    CHECK(r.header("content-range") == "bytes 5242880-10485759/10485764");
    CHECK(r.header("x-amz-mp-parts-count") == "3");
    r = f.c.request("GET", "/bucket/folder/a%20key?partNumber=3");
    CHECK(r.status == 206);
    CHECK(r.body == "tail");
    r = f.c.request("GET", "/bucket/folder/a%20key", "", {{"range", "bytes=10485758-10485761"}});
    CHECK(r.status == 206);
    CHECK(r.body == "BBta");

    // The upload is gone; so are the parts that were not listed.
    CHECK(xml(f.c.request("GET", "/bucket?uploads")).children_named("Upload").empty());
    r = f.c.request("GET", "/bucket/folder/a%20key?uploadId=" + id);
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchUpload");
}

TEST_CASE("CompleteMultipartUpload repeated answers the first result while its object stands",
          "[service]") {
    fixture f;
    auto id = f.create();
    REQUIRE(f.part(id, "1", "only part").status == 200);
    auto body = complete_document({{1, quoted_md5("only part")}});
    auto first = f.complete(id, body);
    REQUIRE(first.status == 200);

    // A client retry (its first answer lost) gets the same result, and the object is untouched.
    auto again = f.complete(id, body);
    CHECK(again.status == 200);
    CHECK(again.body == first.body);
    auto get = f.c.request("GET", "/bucket/key");
    CHECK(get.body == "only part");
    CHECK(get.header("etag") == multipart_etag({"only part"}));
    // Even with If-None-Match: *, which the first completion already passed.
    CHECK(f.complete(id, body, {{"if-none-match", "*"}}).status == 200);

    // Not under another key, nor once the object was replaced or deleted.
    auto other = f.complete(id, body, {}, "other");
    CHECK(other.status == 404);
    CHECK(error_code(other) == "NoSuchUpload");
    REQUIRE(f.c.request("PUT", "/bucket/key", "replaced").status == 200);
    auto replaced = f.complete(id, body);
    CHECK(replaced.status == 404);
    CHECK(error_code(replaced) == "NoSuchUpload");
    CHECK(f.c.request("GET", "/bucket/key").body == "replaced");

    auto second = f.create();
    REQUIRE(f.part(second, "1", "only part").status == 200);
    REQUIRE(f.complete(second, body).status == 200);
    REQUIRE(f.c.request("DELETE", "/bucket/key").status == 204);
    CHECK(error_code(f.complete(second, body)) == "NoSuchUpload");
    // An upload that was aborted, not completed, is gone for good.
    auto aborted = f.create();
    REQUIRE(f.c.request("DELETE", "/bucket/key?uploadId=" + aborted).status == 204);
    CHECK(error_code(f.complete(aborted, body)) == "NoSuchUpload");
}

TEST_CASE("CompleteMultipartUpload refuses malformed part lists", "[service]") {
    fixture f;
    auto id = f.create();
    REQUIRE(f.part(id, "1", "one").status == 200);
    REQUIRE(f.part(id, "2", "two").status == 200);
    REQUIRE(f.part(id, "3", "three").status == 200);
    auto part = [](const std::string& content,
                   const std::string& root = "CompleteMultipartUpload") {
        return "<" + root + "><Part>" + content + "</Part></" + root + ">";
    };
    std::vector<std::string> malformed{
        "",
        "PartNumber=1",
        part("<PartNumber>1</PartNumber><ETag>x</ETag>", "Parts"),
        complete_document({}),
        part("<ETag>" + md5_hex("one") + "</ETag>"),
        part("<PartNumber>1</PartNumber>"),
        part("<PartNumber>one</PartNumber><ETag>" + md5_hex("one") + "</ETag>"),
    };
    for (const auto& body : malformed) {
        auto r = f.complete(id, body);
        CHECK(r.status == 400);
        CHECK(error_code(r) == "MalformedXML");
    }
    auto r = f.complete(id, complete_document({{0, md5_hex("one")}}));
    CHECK(r.status == 400);
    auto e = xml(r);
    CHECK(text(e, "Code") == "InvalidArgument");
    CHECK(text(e, "Message") == "PartNumber must be >= 1");
    CHECK(text(e, "ArgumentName") == "PartNumber");
    CHECK(text(e, "ArgumentValue") == "0");

    for (const auto& parts :
         std::vector<std::vector<listed_part>>{{{2, md5_hex("two")}, {1, md5_hex("one")}},
                                               {{1, md5_hex("one")}, {1, md5_hex("one")}}}) {
        r = f.complete(id, complete_document(parts));
        CHECK(r.status == 400);
        e = xml(r);
        CHECK(text(e, "Code") == "InvalidPartOrder");
        CHECK(text(e, "Message") == "The list of parts was not in ascending order. Parts must be "
                                    "ordered by part number.");
        CHECK(text(e, "UploadId") == id);
    }
    // Still in progress.
    CHECK(xml(f.list_parts(id)).children_named("Part").size() == 3);
    CHECK(f.c.request("GET", "/bucket/key").status == 404);
}

TEST_CASE("CompleteMultipartUpload refuses unknown parts and small parts", "[service]") {
    fixture f;
    auto id = f.create();
    REQUIRE(f.part(id, "1", "one").status == 200);
    REQUIRE(f.part(id, "2", "two").status == 200);
    struct invalid_case {
        listed_part part;
        std::string etag_field;
    };
    std::vector<invalid_case> cases{
        {{4, md5_hex("one")}, md5_hex("one")},
        {{10001, md5_hex("one")}, md5_hex("one")},
        {{1, quoted_md5("two")}, md5_hex("two")},
        {{1, ""}, ""},
    };
    for (const auto& c : cases) {
        auto r = f.complete(id, complete_document({c.part}));
        CHECK(r.status == 400);
        auto e = xml(r);
        CHECK(text(e, "Code") == "InvalidPart");
        CHECK(text(e, "Message") ==
              "One or more of the specified parts could not be found.  The part may not have been "
              "uploaded, or the specified entity tag may not match the part's entity tag.");
        CHECK(text(e, "UploadId") == id);
        CHECK(text(e, "PartNumber") == std::to_string(c.part.number));
        CHECK(text(e, "ETag") == c.etag_field);
    }
    auto r = f.complete(id, complete_document({{1, md5_hex("one")}, {2, md5_hex("two")}}));
    CHECK(r.status == 400);
    auto e = xml(r);
    CHECK(text(e, "Code") == "EntityTooSmall");
    CHECK(text(e, "Message") == "Your proposed upload is smaller than the minimum allowed size");
    CHECK(text(e, "ProposedSize") == "3");
    CHECK(text(e, "MinSizeAllowed") == "5242880");
    CHECK(text(e, "PartNumber") == "1");
    CHECK(text(e, "ETag") == md5_hex("one"));
    // A single small part (the last one) is fine.
    r = f.complete(id, complete_document({{2, md5_hex("two")}}));
    REQUIRE(r.status == 200);
    CHECK(f.c.request("GET", "/bucket/key").body == "two");
}

TEST_CASE("CompleteMultipartUpload computes composite and full-object checksums", "[service]") {
    // Checksums of 5 MiB of "A" and "tail", as S3 gives them.
    struct checksum_case {
        std::string algorithm;
        std::string type;
        std::vector<std::string> parts;
        std::string object;
    };
    std::vector<checksum_case> cases{
        {"CRC32", "", {"JRTCyQ==", "fDe0XQ=="}, "ar6UVw==-2"},
        {"CRC32", "FULL_OBJECT", {"JRTCyQ==", "fDe0XQ=="}, "gPNU7Q=="},
        {"CRC32C", "COMPOSITE", {"MDaLrw==", "B21LrQ=="}, "9nmlxg==-2"},
        {"CRC32C", "FULL_OBJECT", {"MDaLrw==", "B21LrQ=="}, "LZbOwA=="},
        {"SHA1",
         "",
         {"iIaTCGbm+vdVjNqIMF2S0T7ibMk=", "+/XyoodbO7Zbjjsj5swB1YyjBEc="},
         "l89BPfYtRdlTXZSsCsWMB0Elnjg=-2"},
        {"SHA256",
         "",
         {"275VF5loJr1YYawit0XSHREhkFXYkkPKGuoK0x9VKxI=",
          "DGL4du8d6oMN6fMsL0tG3W101Q0ViW4J71ovzUrH4dc="},
         "2kYaKgwMh4G97NB7sxufv13cvQqUqNgjK75WsW6s16Q=-2"},
    };
    const std::string a(5 * mib, 'A');
    fixture f;
    for (const auto& c : cases) {
        INFO(c.algorithm << " " << c.type);
        headers h{{"x-amz-checksum-algorithm", c.algorithm}};
        if (!c.type.empty()) {
            h.emplace_back("x-amz-checksum-type", c.type);
        }
        std::string type = c.type.empty() ? "COMPOSITE" : c.type;
        std::string header = "x-amz-checksum-" + cloudbox::core::to_lower(c.algorithm);
        std::string element = "Checksum" + c.algorithm;
        auto id = f.create("key", h);
        // The first part's checksum is sent and checked; the second's is computed.
        auto r = f.part(id, "1", a, {{header, c.parts[0]}});
        REQUIRE(r.status == 200);
        CHECK(r.header(header) == c.parts[0]);
        r = f.part(id, "2", "tail");
        REQUIRE(r.status == 200);
        CHECK(r.header(header) == c.parts[1]);
        auto doc = complete_document(
            {{1, md5_hex(a), "<" + element + ">" + c.parts[0] + "</" + element + ">"},
             {2, md5_hex("tail"), "<" + element + ">" + c.parts[1] + "</" + element + ">"}});
        r = f.complete(id, doc, {{header, c.object}, {"x-amz-checksum-type", type}});
        REQUIRE(r.status == 200);
        auto result = xml(r);
        CHECK(text(result, element) == c.object);
        CHECK(text(result, "ChecksumType") == type);
        CHECK(text(result, "ETag") == multipart_etag({a, "tail"}));

        r = f.c.request("HEAD", "/bucket/key");
        CHECK_FALSE(r.has_header(header));
        r = f.c.request("HEAD", "/bucket/key", "", {{"x-amz-checksum-mode", "ENABLED"}});
        CHECK(r.header(header) == c.object);
        CHECK(r.header("x-amz-checksum-type") == type);
    }
}

TEST_CASE("CompleteMultipartUpload checks the part checksums of an upload with an algorithm",
          "[service]") {
    fixture f;
    auto sha = [](const std::string& s) {
        return cloudbox::core::base64_encode(
            cloudbox::core::digest(cloudbox::core::digest_kind::sha256, s));
    };
    auto element = [&](const std::string& s) {
        return "<ChecksumSHA256>" + sha(s) + "</ChecksumSHA256>";
    };
    auto id = f.create("key", {{"x-amz-checksum-algorithm", "SHA256"}});
    for (std::string n : {"1", "2", "3"}) {
        REQUIRE(f.part(id, n, "part" + n).status == 200);
    }
    listed_part first{1, md5_hex("part1"), element("part1")};
    struct refused {
        std::vector<listed_part> parts;
        headers h;
        std::string code;
        std::string message;
    };
    std::string missing = "The upload was created using a sha256 checksum. The complete request "
                          "must include the checksum for each part. It was missing for part 1 in "
                          "the request.";
    std::vector<refused> cases{
        {{{1, md5_hex("part1"), element("other")}}, {}, "InvalidPart", ""},
        {{{1, md5_hex("part1")}}, {}, "InvalidRequest", missing},
        {{{1, md5_hex("part1"), "<ChecksumCRC32>AAAAAA==</ChecksumCRC32>"}},
         {},
         "BadDigest",
         "The crc32 you specified for part 1 did not match what we received."},
        // With a checksum algorithm, the part numbers start at 1 and have no gaps.
        {{first, {3, md5_hex("part3"), element("part3")}}, {}, "InvalidPartOrder", ""},
        {{{2, md5_hex("part2"), element("part2")}}, {}, "InvalidPartOrder", ""},
        {{first}, {{"x-amz-checksum-sha256", sha("part1")}}, "BadDigest", ""},
        {{first},
         {{"x-amz-checksum-type", "FULL_OBJECT"}},
         "BadDigest",
         "The upload was created using the COMPOSITE checksum mode. The complete request must use "
         "the same checksum mode."},
        {{first},
         {{"x-amz-checksum-crc32", "AAAAAA=="}},
         "InvalidRequest",
         "Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: "
         "crc32"},
    };
    for (const auto& c : cases) {
        auto r = f.complete(id, complete_document(c.parts), c.h);
        CHECK(r.status == 400);
        auto e = xml(r);
        CHECK(text(e, "Code") == c.code);
        if (!c.message.empty()) {
            CHECK(text(e, "Message") == c.message);
        }
    }
    auto composite = cloudbox::core::base64_encode(cloudbox::core::digest(
                         cloudbox::core::digest_kind::sha256,
                         cloudbox::core::digest(cloudbox::core::digest_kind::sha256, "part1"))) +
                     "-1";
    auto r = f.complete(id, complete_document({first}), {{"x-amz-checksum-sha256", composite}});
    REQUIRE(r.status == 200);
    CHECK(text(xml(r), "ChecksumSHA256") == composite);

    // An upload without an algorithm takes no part checksums.
    id = f.create("plain");
    REQUIRE(f.part(id, "1", "one", {}, "plain").status == 200);
    r = f.complete(id, complete_document({{1, md5_hex("one"), element("one")}}), {}, "plain");
    CHECK(r.status == 400);
    CHECK(error_code(r) == "InvalidPart");
}

TEST_CASE("CompleteMultipartUpload honours If-None-Match, If-Match and x-amz-mp-object-size",
          "[service]") {
    fixture f;
    auto id = f.create();
    REQUIRE(f.part(id, "1", "one").status == 200);
    auto doc = complete_document({{1, md5_hex("one")}});
    REQUIRE(f.c.request("PUT", "/bucket/key", "the object").status == 200);

    auto r = f.complete(id, doc, {{"if-none-match", "*"}});
    CHECK(r.status == 412);
    auto e = xml(r);
    CHECK(text(e, "Code") == "PreconditionFailed");
    CHECK(text(e, "Condition") == "If-None-Match");
    r = f.complete(id, doc, {{"if-match", "\"0000\""}});
    CHECK(r.status == 412);
    CHECK(text(xml(r), "Condition") == "If-Match");
    r = f.complete(id, doc, {{"x-amz-mp-object-size", "4"}});
    CHECK(r.status == 400);
    CHECK(text(xml(r), "Message") ==
          "The provided 'x-amz-mp-object-size' header value 4 does not match what was computed: 3");
    CHECK(f.c.request("GET", "/bucket/key").body == "the object");

    r = f.complete(id, doc,
                   {{"if-match", quoted_md5("the object")}, {"x-amz-mp-object-size", "3"}});
    REQUIRE(r.status == 200);
    CHECK(f.c.request("GET", "/bucket/key").body == "one");

    id = f.create("fresh");
    REQUIRE(f.part(id, "1", "one", {}, "fresh").status == 200);
    r = f.complete(id, doc, {{"if-match", quoted_md5("the object")}}, "fresh");
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchKey");
    r = f.complete(id, doc, {{"if-none-match", "*"}}, "fresh");
    CHECK(r.status == 200);
}

TEST_CASE("CompleteMultipartUpload answers NoSuchUpload and NoSuchBucket", "[service]") {
    fixture f;
    auto other = f.create("other");
    auto doc = complete_document({{1, md5_hex("one")}});
    for (const std::string& id : {std::string(64, '0'), other}) {
        auto r = f.complete(id, doc);
        CHECK(r.status == 404);
        CHECK(error_code(r) == "NoSuchUpload");
        CHECK(text(xml(r), "UploadId") == id);
    }
    auto r = f.c.request("POST", "/no-such-bucket/key?uploadId=" + other, doc);
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchBucket");
}
