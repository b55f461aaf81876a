// CreateFunction: stores $LATEST (configuration + zip); Handler names a registered C++ function.
#include "core/ids.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

service::response create_function(lambda_call& call) {
    json in = call.body();
    auto raw_name = optional_string(in, "FunctionName", "functionName");
    if (!raw_name) {
        throw errors::not_null("functionName");
    }
    function_ref ref = parse_function_ref(call, *raw_name, false);
    if (!in.contains("Code") || in["Code"].is_null()) {
        throw errors::not_null("code");
    }
    json config = {
        {"FunctionName", ref.name},
        {"FunctionArn", function_arn(call, ref.name)},
        {"Description", ""},
        {"Timeout", 3},
        {"MemorySize", 128},
        {"Version", "$LATEST"},
        {"TracingConfig", {{"Mode", "PassThrough"}}},
        {"State", "Active"},
        {"LastUpdateStatus", "Successful"},
        {"PackageType", "Zip"},
        {"Architectures", json::array({"x86_64"})},
        {"EphemeralStorage", {{"Size", 512}}},
        {"SnapStart", {{"ApplyOn", "None"}, {"OptimizationStatus", "Off"}}},
        {"LoggingConfig", {{"LogFormat", "Text"}, {"LogGroup", "/aws/lambda/" + ref.name}}}};
    apply_configuration(config, in, true);
    if (in.contains("Architectures") && in["Architectures"].is_array() &&
        !in["Architectures"].empty()) {
        std::string arch =
            in["Architectures"][0].is_string() ? in["Architectures"][0].get<std::string>() : "";
        if (arch != "x86_64" && arch != "arm64") {
            throw errors::validation("'[" + arch + "]'", "architectures",
                                     "Member must satisfy constraint: [Member must satisfy enum "
                                     "value set: [x86_64, arm64]]");
        }
        config["Architectures"] = json::array({arch});
    }
    std::string zip = code_from_input(call, in["Code"]);
    config["CodeSize"] = zip.size();
    config["CodeSha256"] = code_sha256(zip);
    config["LastModified"] = last_modified(call.lambda.clock);
    config["RevisionId"] = core::new_uuid();
    json tags = in.contains("Tags") && in["Tags"].is_object() ? in["Tags"] : json::object();
    if (!call.lambda.store.create_function(call.scope(), ref.name, config, zip, tags)) {
        throw errors::function_exists(ref.name);
    }
    if (in.value("Publish", false)) {
        return json_response(201, publish_latest(call, ref.name, std::nullopt));
    }
    return json_response(201, config);
}

} // namespace cloudbox::services::lambda::ops
