// DeleteObjects: the DeleteResult (Deleted and Error entries, Quiet mode), the required integrity
// header, malformed requests, version ids, and blob files freed.
#include "s3/s3_test_support.hpp"

using namespace cloudbox::test;
using cloudbox::core::digest_kind;

namespace {

std::string delete_body(const std::vector<std::string>& keys, bool quiet = false) {
    std::string body = "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    for (const auto& k : keys) {
        body += "<Object><Key>" + cloudbox::core::xml_escape(k) + "</Key></Object>";
    }
    if (quiet) {
        body += "<Quiet>true</Quiet>";
    }
    return body + "</Delete>";
}

// POST /bucket?delete with Content-MD5, as the AWS CLI sends it.
http_response delete_objects(http_client& c, const std::string& bucket, const std::string& body,
                             header_list headers = {{"__md5", ""}}) {
    if (!headers.empty() && headers.front().first == "__md5") {
        headers = {{"content-md5", md5_b64(body)}};
    }
    return c.request("POST", "/" + bucket + "?delete", body, std::move(headers));
}

std::vector<std::string> texts(const std::string& document, const std::string& parent,
                               const std::string& child) {
    std::vector<std::string> out;
    auto doc = cloudbox::protocol::parse_xml(document);
    REQUIRE(doc);
    for (const auto* p : doc->children_named(parent)) {
        out.push_back(p->child_text(child).value_or("<none>"));
    }
    return out;
}

} // namespace

TEST_CASE("DeleteObjects: deletes the keys and reports each as Deleted, missing ones too",
          "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "a", "1");
    put_object(f.c, f.bucket, "dir/b & c", "2");
    put_object(f.c, f.bucket, "keep", "3");
    auto r = delete_objects(f.c, f.bucket, delete_body({"a", "dir/b & c", "never-existed"}));
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/xml");
    CHECK(xml_root(r.body) == "DeleteResult");
    CHECK(r.body.find("<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">") !=
          std::string::npos);
    CHECK(texts(r.body, "Deleted", "Key") ==
          std::vector<std::string>{"a", "dir/b & c", "never-existed"});
    CHECK(texts(r.body, "Error", "Key").empty());
    CHECK(f.c.request("GET", f.path("a")).status == 404);
    CHECK(f.c.request("GET", f.path("dir/b & c")).status == 404);
    CHECK(f.c.request("GET", f.path("keep")).status == 200);
}

TEST_CASE("DeleteObjects: Quiet mode reports only errors", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "a", "1");
    auto r = delete_objects(f.c, f.bucket, delete_body({"a", "b"}, true));
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    CHECK(doc->name == "DeleteResult");
    CHECK(doc->children.empty());
    CHECK(f.c.request("GET", f.path("a")).status == 404);

    // Errors are still reported.
    std::string body = "<Delete><Quiet>true</Quiet><Object><Key>x</Key><VersionId>v1</VersionId>"
                       "</Object><Object><Key>y</Key></Object></Delete>";
    r = delete_objects(f.c, f.bucket, body);
    REQUIRE(r.status == 200);
    CHECK(texts(r.body, "Deleted", "Key").empty());
    CHECK(texts(r.body, "Error", "Key") == std::vector<std::string>{"x"});
}

TEST_CASE("DeleteObjects: version ids, and keys over 1,024 bytes, fail per key", "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "a", "1");
    put_object(f.c, f.bucket, "b", "2");
    const std::string long_key(1025, 'k');
    std::string body =
        "<Delete><Object><Key>a</Key><VersionId>null</VersionId></Object>"
        "<Object><Key>b</Key><VersionId>3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY</VersionId>"
        "</Object><Object><Key>" +
        long_key + "</Key></Object></Delete>";
    auto r = delete_objects(f.c, f.bucket, body);
    INFO(r.body);
    REQUIRE(r.status == 200);
    // The null version is the object itself.
    CHECK(texts(r.body, "Deleted", "Key") == std::vector<std::string>{"a"});
    CHECK(texts(r.body, "Deleted", "VersionId") == std::vector<std::string>{"null"});
    CHECK(texts(r.body, "Error", "Key") == std::vector<std::string>{"b", long_key});
    CHECK(texts(r.body, "Error", "Code") ==
          std::vector<std::string>{"NoSuchVersion", "KeyTooLongError"});
    CHECK(
        texts(r.body, "Error", "Message") ==
        std::vector<std::string>{"The specified version does not exist.", "Your key is too long"});
    CHECK(texts(r.body, "Error", "VersionId") ==
          std::vector<std::string>{"3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "<none>"});
    // Error children in the model's order: Key, VersionId, Code, Message.
    auto doc = cloudbox::protocol::parse_xml(r.body);
    auto errors = doc->children_named("Error");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0]->children.at(0).name == "Key");
    CHECK(errors[0]->children.at(1).name == "VersionId");
    CHECK(errors[0]->children.at(2).name == "Code");
    CHECK(errors[0]->children.at(3).name == "Message");
    CHECK(f.c.request("GET", f.path("a")).status == 404);
    CHECK(f.c.request("GET", f.path("b")).status == 200);
}

TEST_CASE("DeleteObjects: requires Content-MD5 or a flexible checksum and verifies it",
          "[service]") {
    s3_fixture f;
    put_object(f.c, f.bucket, "a", "1");
    const std::string body = delete_body({"a"});
    check_s3_error(delete_objects(f.c, f.bucket, body, {}), 400, "InvalidRequest",
                   "Missing required header for this request: Content-MD5");
    check_s3_error(delete_objects(f.c, f.bucket, body, {{"content-md5", md5_b64("other")}}), 400,
                   "BadDigest");
    check_s3_error(delete_objects(f.c, f.bucket, body, {{"content-md5", "not-base64"}}), 400,
                   "InvalidDigest");
    check_s3_error(
        delete_objects(f.c, f.bucket, body,
                       {{"x-amz-sdk-checksum-algorithm", "CRC32"},
                        {"x-amz-checksum-crc32", checksum_b64(digest_kind::crc32, "other")}}),
        400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.");
    check_s3_error(delete_objects(f.c, f.bucket, body, {{"x-amz-checksum-sha256", "AAAA"}}), 400,
                   "InvalidRequest", "Value for x-amz-checksum-sha256 header is invalid.");
    CHECK(f.c.request("GET", f.path("a")).status == 200);

    // What new SDKs send instead of Content-MD5.
    auto r = delete_objects(f.c, f.bucket, body,
                            {{"x-amz-sdk-checksum-algorithm", "CRC32"},
                             {"x-amz-checksum-crc32", checksum_b64(digest_kind::crc32, body)}});
    INFO(r.body);
    CHECK(r.status == 200);
    CHECK(f.c.request("GET", f.path("a")).status == 404);
}

TEST_CASE("DeleteObjects: malformed documents are MalformedXML", "[service]") {
    s3_fixture f;
    const std::string message = "The XML you provided was not well-formed or did not validate "
                                "against our published schema";
    check_s3_error(delete_objects(f.c, f.bucket, "<Delete><Object>"), 400, "MalformedXML", message);
    check_s3_error(delete_objects(f.c, f.bucket, "<Delete></Delete>"), 400, "MalformedXML");
    check_s3_error(delete_objects(f.c, f.bucket, "<Remove><Object><Key>a</Key></Object></Remove>"),
                   400, "MalformedXML");
    check_s3_error(delete_objects(f.c, f.bucket, "<Delete><Object></Object></Delete>"), 400,
                   "MalformedXML");
    check_s3_error(delete_objects(f.c, f.bucket, "<Delete><Object><Key></Key></Object></Delete>"),
                   400, "MalformedXML");
    std::vector<std::string> keys;
    for (int i = 0; i < 1001; ++i) {
        keys.push_back("k" + std::to_string(i));
    }
    check_s3_error(delete_objects(f.c, f.bucket, delete_body(keys)), 400, "MalformedXML");
    keys.pop_back();
    auto r = delete_objects(f.c, f.bucket, delete_body(keys, true));
    CHECK(r.status == 200);
}

TEST_CASE("DeleteObjects: a missing bucket is NoSuchBucket", "[service]") {
    s3_fixture f;
    auto r = delete_objects(f.c, "no-such-bucket", delete_body({"a"}));
    check_s3_error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    CHECK(xml_find(r.body, "BucketName") == "no-such-bucket");
}

TEST_CASE("DeleteObjects: frees the deleted objects' blob files", "[service]") {
    temp_dir dir;
    test_server srv(on_disk(dir));
    http_client c(srv.port());
    make_bucket(c, "bucket");
    const auto blobs = dir.path() / "s3" / "blobs" / "data";
    put_object(c, "bucket", "one", random_bytes(300 * 1024, 1));
    put_object(c, "bucket", "two", random_bytes(300 * 1024, 2));
    put_object(c, "bucket", "small", "inline");
    REQUIRE(count_files(blobs) == 2);
    auto r = delete_objects(c, "bucket", delete_body({"one", "two", "small"}));
    REQUIRE(r.status == 200);
    CHECK(count_files(blobs) == 0);
}
