// AbortMultipartUpload: DELETE /bucket/key?uploadId=X.
#include "multipart_support.hpp"

using namespace cloudbox::test;
using namespace cloudbox::test::multipart;

TEST_CASE("AbortMultipartUpload removes the upload and its parts", "[service]") {
    fixture f;
    auto id = f.create();
    auto other = f.create();
    REQUIRE(f.part(id, "1", "one").status == 200);
    REQUIRE(f.part(id, "2", "two").status == 200);
    REQUIRE(f.part(other, "1", "other").status == 200);

    auto r = f.abort(id);
    CHECK(r.status == 204);
    CHECK(r.body.empty());
    CHECK_FALSE(r.has_header("content-type"));
    CHECK(r.has_header("x-amz-request-id"));

    auto listed = xml(f.c.request("GET", "/bucket?uploads"));
    auto uploads = listed.children_named("Upload");
    REQUIRE(uploads.size() == 1);
    CHECK(text(*uploads[0], "UploadId") == other);
    r = f.list_parts(id);
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchUpload");
    CHECK(f.part(id, "3", "three").status == 404);
    CHECK(f.c.request("GET", "/bucket/key").status == 404);
    // The other upload is untouched.
    CHECK(xml(f.list_parts(other)).children_named("Part").size() == 1);
}

TEST_CASE("AbortMultipartUpload answers NoSuchUpload for unknown, aborted and completed uploads",
          "[service]") {
    fixture f;
    auto aborted = f.create();
    REQUIRE(f.abort(aborted).status == 204);
    auto completed = f.create();
    REQUIRE(f.part(completed, "1", "one").status == 200);
    REQUIRE(f.complete(completed, complete_document({{1, md5_hex("one")}})).status == 200);
    auto elsewhere = f.create("other");
    for (const std::string& id : {std::string(64, '0'), aborted, completed, elsewhere}) {
        auto r = f.abort(id);
        CHECK(r.status == 404);
        auto e = xml(r);
        CHECK(text(e, "Code") == "NoSuchUpload");
        CHECK(text(e, "Message") == "The specified upload does not exist. The upload ID may be "
                                    "invalid, or the upload may have been aborted or completed.");
        CHECK(text(e, "UploadId") == id);
    }
    // The completed object stays.
    CHECK(f.c.request("GET", "/bucket/key").body == "one");
    auto r = f.c.request("DELETE", "/no-such-bucket/key?uploadId=" + elsewhere);
    CHECK(r.status == 404);
    CHECK(error_code(r) == "NoSuchBucket");
}
