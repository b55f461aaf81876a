// UpdateFunctionCode: new zip, new CodeSha256 and RevisionId, Publish, RevisionId guard.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

namespace {
// A zip with one stored file "a" (content "x").
const char* one_file_zip = "UEsDBBQAAAAAACl9dV2DFtyMAQAAAAEAAAABAAAAYXhQSwECFAMUAAAAAAApfXVdgxbcjAE"
                           "AAAABAAAAAQAAAAAAAAAAAAAAgAEAAAAAYVBLBQYAAAAAAQABAC8AAAAgAAAAAAA=";
} // namespace

TEST_CASE("UpdateFunctionCode: replaces the zip", "[service]") {
    lambda_fixture f;
    f.must_create("u", "echo");
    auto before = body_of(f.get("/2015-03-31/functions/u/configuration"));
    auto r = f.put("/2015-03-31/functions/u/code", {{"ZipFile", one_file_zip}});
    REQUIRE(r.status == 200);
    auto after = body_of(r);
    CHECK(after["CodeSha256"] != before["CodeSha256"]);
    CHECK(after["RevisionId"] != before["RevisionId"]);
    CHECK(after["CodeSize"].get<int>() > 22);
    CHECK(after["LastUpdateStatus"] == "InProgress");
    CHECK(after["LastUpdateStatusReason"] == "The function is being created.");
    auto published = body_of(
        f.put("/2015-03-31/functions/u/code", {{"ZipFile", empty_zip_b64()}, {"Publish", true}}));
    CHECK(published["Version"] == "1");
    CHECK(f.invoke("u", "[1]").body == "[1]");
}

TEST_CASE("UpdateFunctionCode: errors", "[service]") {
    lambda_fixture f;
    f.must_create("u", "echo");
    check_lambda_error(f.c.request("PUT", "/2015-03-31/functions/u/code", "[]"), 400,
                       "InvalidRequestContentException");
    check_lambda_error(f.put("/2015-03-31/functions/u/code", {{"ZipFile", 5}}), 400,
                       "InvalidRequestContentException");
    check_lambda_error(f.put("/2015-03-31/functions/u/code", json::object()), 400,
                       "InvalidParameterValueException",
                       "Please provide a source for function code.");
    check_lambda_error(f.put("/2015-03-31/functions/u/code",
                             {{"ZipFile", empty_zip_b64()}, {"RevisionId", "old"}}),
                       412, "PreconditionFailedException");
    check_lambda_error(f.put("/2015-03-31/functions/none/code", {{"ZipFile", empty_zip_b64()}}),
                       404, "ResourceNotFoundException");
}
