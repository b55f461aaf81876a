// GetAccountSettings: limits and usage.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("GetAccountSettings: limits and usage", "[service]") {
    lambda_fixture f;
    auto empty = body_of(f.get("/2016-08-19/account-settings/"));
    CHECK(empty["AccountLimit"]["ConcurrentExecutions"] == 1000);
    CHECK(empty["AccountLimit"]["CodeSizeZipped"] == 52428800);
    CHECK(empty["AccountUsage"]["FunctionCount"] == 0);
    f.must_create("a", "echo");
    f.must_create("b", "echo");
    auto used = body_of(f.get("/2016-08-19/account-settings"));
    CHECK(used["AccountUsage"]["FunctionCount"] == 2);
    CHECK(used["AccountUsage"]["TotalCodeSize"] == 44);
}

TEST_CASE("GetAccountSettings: wrong method is an unknown operation", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.c.request("POST", "/2016-08-19/account-settings", "{}"), 404,
                       "UnknownOperationException", "Unknown operation");
}
