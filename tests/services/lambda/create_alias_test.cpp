// CreateAlias: names a version, weighted routing, validation.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("CreateAlias: returns the alias", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    f.publish("a");
    auto r = f.post("/2015-03-31/functions/a/aliases",
                    {{"Name", "live"}, {"FunctionVersion", "1"}, {"Description", "d"}});
    REQUIRE(r.status == 201);
    auto a = body_of(r);
    CHECK(a["AliasArn"] == "arn:aws:lambda:us-east-1:000000000000:function:a:live");
    CHECK(a["Name"] == "live");
    CHECK(a["FunctionVersion"] == "1");
    CHECK(a["Description"] == "d");
    CHECK(a["RevisionId"].get<std::string>().size() == 36);
    check_lambda_error(
        f.post("/2015-03-31/functions/a/aliases", {{"Name", "live"}, {"FunctionVersion", "1"}}),
        409, "ResourceConflictException",
        "Alias already exists: arn:aws:lambda:us-east-1:000000000000:function:a:live");
}

TEST_CASE("CreateAlias: weighted routing sends traffic to both versions", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    f.publish("a");
    REQUIRE(f.put("/2015-03-31/functions/a/configuration", {{"Timeout", 5}}).status == 200);
    f.publish("a");
    REQUIRE(f.post("/2015-03-31/functions/a/aliases",
                   {{"Name", "canary"},
                    {"FunctionVersion", "1"},
                    {"RoutingConfig", {{"AdditionalVersionWeights", {{"2", 0.5}}}}}})
                .status == 201);
    int ones = 0;
    int twos = 0;
    for (int i = 0; i < 60; ++i) {
        auto v = f.invoke("a:canary", "{}").header("x-amz-executed-version");
        ones += v == "1";
        twos += v == "2";
    }
    CHECK(ones + twos == 60);
    CHECK(ones > 5);
    CHECK(twos > 5);
}

TEST_CASE("CreateAlias: validation errors", "[service]") {
    lambda_fixture f;
    f.must_create("a", "echo");
    std::string path = "/2015-03-31/functions/a/aliases";
    check_lambda_error(f.c.request("POST", path, "nope"), 400, "InvalidRequestContentException");
    check_lambda_error(f.post(path, {{"FunctionVersion", "$LATEST"}}), 400, "ValidationException",
                       "1 validation error detected: Value null at 'name' failed to satisfy "
                       "constraint: Member must not be null");
    check_lambda_error(f.post(path, {{"Name", "123"}, {"FunctionVersion", "$LATEST"}}), 400,
                       "ValidationException");
    check_lambda_error(f.post(path, {{"Name", "x"}, {"FunctionVersion", "4"}}), 404,
                       "ResourceNotFoundException",
                       "Function not found: arn:aws:lambda:us-east-1:000000000000:function:a:4");
    check_lambda_error(
        f.post(path, {{"Name", "x"},
                      {"FunctionVersion", "$LATEST"},
                      {"RoutingConfig", {{"AdditionalVersionWeights", {{"1", 2}}}}}}),
        400, "ValidationException");
}

TEST_CASE("CreateAlias: routing configuration errors as AWS words them", "[service]") {
    lambda_fixture f;
    f.must_create("r", "echo");
    f.publish("r");
    REQUIRE(f.put("/2015-03-31/functions/r/configuration", {{"Timeout", 5}}).status == 200);
    f.publish("r");
    std::string path = "/2015-03-31/functions/r/aliases";
    auto alias = [&](const std::string& version, json weights) {
        return f.post(path, {{"Name", "custom"},
                             {"FunctionVersion", version},
                             {"RoutingConfig", {{"AdditionalVersionWeights", weights}}}});
    };
    check_lambda_error(alias("1", {{"1", 0.8}, {"2", 0.2}}), 400, "InvalidParameterValueException",
                       "Number of items in AdditionalVersionWeights cannot be greater than 1");
    const std::string value_rule =
        "' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value "
        "must satisfy constraint: [Member must have value less than or equal to 1.0, Member must "
        "have value greater than or equal to 0.0, Member must not be null]";
    check_lambda_error(alias("1", {{"2", 2}}), 400, "ValidationException",
                       "1 validation error detected: Value '{2=2.0}" + value_rule);
    check_lambda_error(alias("1", {{"2", -1}}), 400, "ValidationException",
                       "1 validation error detected: Value '{2=-1.0}" + value_rule);
    check_lambda_error(alias("$LATEST", {{"1", 0.5}}), 400, "InvalidParameterValueException",
                       "$LATEST is not supported for an alias pointing to more than 1 version");
    check_lambda_error(
        alias("1", {{"$LATEST", 0.5}}), 400, "ValidationException",
        "1 validation error detected: Value '{$LATEST=0.5}' at "
        "'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must "
        "satisfy constraint: [Member must have length less than or equal to 1024, Member must "
        "have length greater than or equal to 1, Member must satisfy regular expression pattern: "
        "[0-9]+, Member must not be null]");
    CHECK(alias("1", {{"2", 0.5}}).status == 201);
}
