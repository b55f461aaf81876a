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
    if (in.value("PackageType", "Zip") != "Image" &&
        (!config.contains("Runtime") || !config.contains("Handler"))) {
        throw errors::invalid_parameter("Runtime and Handler are mandatory parameters for "
                                        "functions created with deployment packages.");
    }
    if (in.contains("Architectures") && in["Architectures"].is_array() &&
        !in["Architectures"].empty()) {
        const json& list = in["Architectures"];
        std::string shown;
        for (const auto& a : list) {
            shown += (shown.empty() ? "" : ", ") + (a.is_string() ? a.get<std::string>() : "null");
        }
        if (list.size() > 1) {
            throw errors::validation("'[" + shown + "]'", "architectures",
                                     "Member must have length less than or equal to 1");
        }
        std::string arch = list[0].is_string() ? list[0].get<std::string>() : "";
        if (arch != "x86_64" && arch != "arm64") {
            throw errors::validation("'[" + shown + "]'", "architectures",
                                     "Member must satisfy constraint: [Member must satisfy enum "
                                     "value set: [x86_64, arm64], Member must not be null]");
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
    json answer =
        in.value("Publish", false) ? publish_latest(call, ref.name, std::nullopt) : config;
    // AWS answers while the function is still being created; GetFunction then says Active.
    answer["State"] = "Pending";
    answer["StateReason"] = "The function is being created.";
    answer["StateReasonCode"] = "Creating";
    answer.erase("LastUpdateStatus");
    return json_response(201, answer);
}

} // namespace cloudbox::services::lambda::ops
