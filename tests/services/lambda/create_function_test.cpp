// CreateFunction: configuration document, validation messages, conflicts, Publish.
#include "lambda/lambda_test_support.hpp"

using namespace cloudbox::test;

TEST_CASE("CreateFunction: returns the configuration AWS returns", "[service]") {
    lambda_fixture f;
    auto r = f.create("greet", "greetingsOnDemand",
                      {{"Timeout", 10},
                       {"MemorySize", 256},
                       {"Description", "hi"},
                       {"Environment", {{"Variables", {{"STAGE", "1"}}}}}});
    REQUIRE(r.status == 201);
    CHECK(r.header("content-type") == "application/json");
    auto c = body_of(r);
    CHECK(c["FunctionName"] == "greet");
    CHECK(c["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:greet");
    CHECK(c["Runtime"] == "provided.al2023");
    CHECK(c["Handler"] == "greetingsOnDemand");
    CHECK(c["Timeout"] == 10);
    CHECK(c["MemorySize"] == 256);
    CHECK(c["Version"] == "$LATEST");
    CHECK(c["CodeSize"] == 22);
    CHECK(c["CodeSha256"] == "hznHbmgfkAkjuQDJ3w73XPQh05yrtUZQxLmtGbanbYU=");
    // AWS answers while the function is being created; GetFunction then reports it Active.
    CHECK(c["State"] == "Pending");
    CHECK(c["StateReason"] == "The function is being created.");
    CHECK(c["StateReasonCode"] == "Creating");
    CHECK_FALSE(c.contains("LastUpdateStatus"));
    auto later = body_of(f.get("/2015-03-31/functions/greet/configuration"));
    CHECK(later["State"] == "Active");
    CHECK(later["LastUpdateStatus"] == "Successful");
    CHECK(c["PackageType"] == "Zip");
    CHECK(c["Environment"]["Variables"]["STAGE"] == "1");
    CHECK(c["LastModified"].get<std::string>().ends_with("+0000"));
    CHECK(c["RevisionId"].get<std::string>().size() == 36);
}

TEST_CASE("CreateFunction: serialization and validation errors", "[service]") {
    lambda_fixture f;
    check_lambda_error(f.c.request("POST", fn_path(), "{not json"), 400,
                       "InvalidRequestContentException");
    check_lambda_error(f.create("x", "echo", {{"Timeout", "ten"}}), 400,
                       "InvalidRequestContentException");
    check_lambda_error(f.create("bad name!", "echo"), 400, "ValidationException");
    check_lambda_error(f.create("x", "echo", {{"Role", "nope"}}), 400, "ValidationException");
    check_lambda_error(f.create("x", "echo", {{"Timeout", 0}}), 400, "ValidationException",
                       "1 validation error detected: Value '0' at 'timeout' failed to satisfy "
                       "constraint: Member must have value greater than or equal to 1");
    check_lambda_error(f.create("x", "echo", {{"Timeout", 901}}), 400, "ValidationException",
                       "1 validation error detected: Value '901' at 'timeout' failed to satisfy "
                       "constraint: Member must have value less than or equal to 900");
    check_lambda_error(f.create("x", "echo", {{"MemorySize", 64}}), 400, "ValidationException",
                       "1 validation error detected: Value '64' at 'memorySize' failed to "
                       "satisfy constraint: Member must have value greater than or equal to 128");
    check_lambda_error(f.create("x", "echo", {{"Code", {{"ZipFile", "bm90IGEgemlw"}}}}), 400,
                       "InvalidParameterValueException",
                       "Could not unzip uploaded file. Please check your file, then try to "
                       "upload again.");
    check_lambda_error(
        f.create("x", "echo", {{"Environment", {{"Variables", {{"AWS_REGION", "x"}}}}}}), 400,
        "InvalidParameterValueException");
    check_lambda_error(f.create("x", "echo", {{"Runtime", "non-existent-runtime"}}), 400,
                       "InvalidParameterValueException");
    auto runtime = body_of(f.create("x", "echo", {{"Runtime", "PYTHON3.9"}}));
    CHECK(runtime["message"].get<std::string>().starts_with(
        "Value PYTHON3.9 at 'runtime' failed to satisfy constraint: Member must satisfy enum "
        "value set: ["));
    CHECK(runtime["message"].get<std::string>().ends_with("] or be a valid ARN"));
    check_lambda_error(f.create("x", "echo", {{"Architectures", {"x86_64", "arm64"}}}), 400,
                       "ValidationException",
                       "1 validation error detected: Value '[x86_64, arm64]' at 'architectures' "
                       "failed to satisfy constraint: Member must have length less than or "
                       "equal to 1");
    check_lambda_error(f.create("x", "echo", {{"Architectures", {"X86_64"}}}), 400,
                       "ValidationException",
                       "1 validation error detected: Value '[X86_64]' at 'architectures' failed "
                       "to satisfy constraint: Member must satisfy constraint: [Member must "
                       "satisfy enum value set: [x86_64, arm64], Member must not be null]");
    for (const char* missing : {"Runtime", "Handler"}) {
        json body = {{"FunctionName", "x"},
                     {"Runtime", "provided.al2023"},
                     {"Handler", "echo"},
                     {"Role", role_arn()},
                     {"Code", {{"ZipFile", empty_zip_b64()}}}};
        body.erase(missing);
        check_lambda_error(f.post(fn_path(), body), 400, "InvalidParameterValueException",
                           "Runtime and Handler are mandatory parameters for functions created "
                           "with deployment packages.");
    }
    json no_role = {{"FunctionName", "x"}, {"Code", {{"ZipFile", empty_zip_b64()}}}};
    check_lambda_error(f.post(fn_path(), no_role), 400, "ValidationException",
                       "1 validation error detected: Value null at 'role' failed to satisfy "
                       "constraint: Member must not be null");
}

TEST_CASE("CreateFunction: a second function of that name conflicts", "[service]") {
    lambda_fixture f;
    f.must_create("dup", "echo");
    check_lambda_error(f.create("dup", "echo"), 409, "ResourceConflictException",
                       "Function already exist: dup");
}

TEST_CASE("CreateFunction: Publish creates version 1", "[service]") {
    lambda_fixture f;
    auto r = f.create("pub", "echo", {{"Publish", true}});
    REQUIRE(r.status == 201);
    auto c = body_of(r);
    CHECK(c["Version"] == "1");
    CHECK(c["FunctionArn"] == "arn:aws:lambda:us-east-1:000000000000:function:pub:1");
}
