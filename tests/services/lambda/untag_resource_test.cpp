// UntagResource.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

namespace {
const std::string untag_path =
    "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3At";
}

TEST_CASE("UntagResource: removes the keys named", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo", {{"Tags", {{"a", "1"}, {"b", "2"}, {"c", "3"}}}});
    CHECK(f.del(untag_path + "?tagKeys=a&tagKeys=c").status == 204);
    CHECK(body_of(f.get(untag_path))["Tags"] == json{{"b", "2"}});
}

TEST_CASE("UntagResource: errors", "[service]") {
    lambda_fixture f;
    f.must_create("t", "echo");
    check_lambda_error(f.del(untag_path), 400, "ValidationException",
                       "1 validation error detected: Value null at 'tagKeys' failed to satisfy "
                       "constraint: Member must not be null");
    check_lambda_error(f.del("/2017-03-31/tags/bad?tagKeys=a"), 400, "ValidationException");
}
