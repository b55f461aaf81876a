// ListFunctions: $LATEST of each function in name order, paging, FunctionVersion=ALL.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("ListFunctions: pages through the functions in order", "[service]") {
    lambda_fixture f;
    CHECK(body_of(f.get("/2015-03-31/functions/"))["Functions"].empty());
    for (const char* name : {"c", "a", "b"}) {
        f.must_create(name, "echo");
    }
    auto page = body_of(f.get("/2015-03-31/functions?MaxItems=2"));
    REQUIRE(page["Functions"].size() == 2);
    CHECK(page["Functions"][0]["FunctionName"] == "a");
    CHECK(page["Functions"][1]["FunctionName"] == "b");
    std::string marker = page["NextMarker"];
    auto rest = body_of(f.get("/2015-03-31/functions?MaxItems=2&Marker=" + marker));
    REQUIRE(rest["Functions"].size() == 1);
    CHECK(rest["Functions"][0]["FunctionName"] == "c");
    CHECK_FALSE(rest.contains("NextMarker"));
}

TEST_CASE("ListFunctions and ListVersionsByFunction leave out the per-function state fields",
          "[service]") {
    lambda_fixture f;
    f.must_create("s", "echo");
    f.publish("s");
    auto one = body_of(f.get("/2015-03-31/functions/s/configuration"));
    CHECK(one.contains("State"));
    CHECK(one.contains("LastUpdateStatus"));
    CHECK(one.contains("RuntimeVersionConfig"));
    auto listed = body_of(f.get("/2015-03-31/functions?FunctionVersion=ALL"))["Functions"];
    auto versions = body_of(f.get("/2015-03-31/functions/s/versions"))["Versions"];
    REQUIRE(listed.size() == 2);
    REQUIRE(versions.size() == 2);
    for (const auto& list : {listed, versions}) {
        for (const auto& c : list) {
            INFO(c.dump());
            CHECK(c["FunctionName"] == "s");
            CHECK(c["Runtime"] == "provided.al2023");
            for (const char* field : {"State", "StateReason", "StateReasonCode", "LastUpdateStatus",
                                      "RuntimeVersionConfig"}) {
                CHECK_FALSE(c.contains(field));
            }
        }
    }
}

TEST_CASE("ListFunctions: FunctionVersion=ALL lists the versions too", "[service]") {
    lambda_fixture f;
    f.must_create("v", "echo");
    f.publish("v");
    CHECK(body_of(f.get("/2015-03-31/functions"))["Functions"].size() == 1);
    CHECK(body_of(f.get("/2015-03-31/functions?FunctionVersion=ALL"))["Functions"].size() == 2);
}

TEST_CASE("ListFunctions: validation errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.get("/2015-03-31/functions?MaxItems=0"), 400, "ValidationException",
                       "1 validation error detected: Value '0' at 'maxItems' failed to satisfy "
                       "constraint: Member must have value greater than or equal to 1");
    check_lambda_error(f.get("/2015-03-31/functions?FunctionVersion=SOME"), 400,
                       "ValidationException",
                       "1 validation error detected: Value 'SOME' at 'functionVersion' failed to "
                       "satisfy constraint: Member must satisfy enum value set: [ALL]");
    check_lambda_error(f.get("/2015-03-31/functions?MaxItems=x"), 400,
                       "InvalidParameterValueException");
}
