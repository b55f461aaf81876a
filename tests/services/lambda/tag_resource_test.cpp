// TagResource.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

namespace {
const std::string tags_path =
    "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3At";
}

TEST_CASE("TagResource: adds and replaces tags", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo", {{"Tags", {{"a", "1"}}}});
    CHECK(f.post(tags_path, {{"Tags", {{"a", "2"}, {"b", "3"}}}}).status == 204);
    auto tags = body_of(f.get(tags_path))["Tags"];
    CHECK(tags == json{{"a", "2"}, {"b", "3"}});
}

TEST_CASE("TagResource: a change of tags is a new revision", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo");
    auto revision = [&] {
        return body_of(f.get("/2015-03-31/functions/t/configuration"))["RevisionId"];
    };
    auto before = revision();
    REQUIRE(f.post(tags_path, {{"Tags", {{"a", "1"}}}}).status == 204);
    auto tagged = revision();
    CHECK(tagged != before);
    REQUIRE(f.del(tags_path + "?tagKeys=a").status == 204);
    CHECK(revision() != tagged);
}

TEST_CASE("TagResource: errors", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo");
    check_lambda_error(f.c.request("POST", tags_path, "{"), 400, "InvalidRequestContentException");
    check_lambda_error(f.post(tags_path, json::object()), 400, "ValidationException",
                       "1 validation error detected: Value null at 'tags' failed to satisfy "
                       "constraint: Member must not be null");
    check_lambda_error(
        f.post("/2017-03-31/tags/arn%3Aaws%3Asomething", {{"Tags", {{"a", "1"}}}}), 400,
        "ValidationException",
        "1 validation error detected: Value 'arn:aws:something' at 'resource' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: "
        "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:"
        "(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:[a-zA-Z0-9-_]+)");
    check_lambda_error(f.post(tags_path, {{"Tags", json::object()}}), 400,
                       "InvalidParameterValueException",
                       "An error occurred and the request cannot be processed.");
    f.publish("t");
    for (const char* qualifier : {"%3A1", "%3A%24LATEST", "%3Anope"}) {
        check_lambda_error(f.post(tags_path + qualifier, {{"Tags", {{"a", "1"}}}}), 400,
                           "InvalidParameterValueException",
                           "Tags on function aliases and versions are not supported. Please "
                           "specify a function ARN.");
    }
    check_lambda_error(
        f.post("/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Anone",
               {{"Tags", {{"a", "1"}}}}),
        404, "ResourceNotFoundException");
}
