// Alias documents and their validation.
#include "lambda/lambda_alias.hpp"

#include "lambda/lambda_errors.hpp"

#include <charconv>

namespace cloudbox::services::lambda {

namespace {

// Java's Double.toString for the weights AWS echoes: 2 -> "2.0", 0.25 -> "0.25".
std::string java_double(double value) {
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    std::string out(text, end);
    if (out.find_first_of(".e") == std::string::npos) {
        out += ".0";
    }
    return out;
}

// The map as AWS shows it in a validation message: {1=0.5, 2=0.25}.
std::string java_map(const json& weights) {
    std::string out;
    for (const auto& [version, weight] : weights.items()) {
        out += (out.empty() ? "" : ", ") + version + "=" +
               (weight.is_number() ? java_double(weight.get<double>()) : "null");
    }
    return "'{" + out + "}'";
}

// The model's constraints on AdditionalVersionWeights, checked before anything is looked up.
void check_weight_constraints(const json& weights) {
    const char* field = "routingConfig.additionalVersionWeights";
    for (const auto& [version, weight] : weights.items()) {
        if (version.size() > 1024 || !is_digits(version)) {
            throw errors::validation(java_map(weights), field,
                                     "Map keys must satisfy constraint: [Member must have length "
                                     "less than or equal to 1024, Member must have length greater "
                                     "than or equal to 1, Member must satisfy regular expression "
                                     "pattern: [0-9]+, Member must not be null]");
        }
        if (!weight.is_number() || weight.get<double>() < 0 || weight.get<double>() > 1) {
            throw errors::validation(java_map(weights), field,
                                     "Map value must satisfy constraint: [Member must have value "
                                     "less than or equal to 1.0, Member must have value greater "
                                     "than or equal to 0.0, Member must not be null]");
        }
    }
}

} // namespace

void apply_alias_input(lambda_call& call, const std::string& function_name, json& alias,
                       const json& input) {
    json weights;
    if (input.contains("RoutingConfig")) {
        weights = input["RoutingConfig"].is_object()
                      ? input["RoutingConfig"].value("AdditionalVersionWeights", json::object())
                      : json::object();
        check_weight_constraints(weights);
    }
    if (auto version = optional_string(input, "FunctionVersion", "functionVersion")) {
        if (!call.lambda.store.get_version(call.scope(), function_name, *version)) {
            throw errors::function_not_found(function_arn(call, function_name, *version));
        }
        alias["FunctionVersion"] = *version;
    }
    if (auto description = optional_string(input, "Description", "description")) {
        alias["Description"] = *description;
    }
    if (input.contains("RoutingConfig")) {
        if (weights.size() > 1) {
            throw errors::invalid_parameter(
                "Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        if (!weights.empty() && alias.value("FunctionVersion", "") == "$LATEST") {
            throw errors::invalid_parameter(
                "$LATEST is not supported for an alias pointing to more than 1 version");
        }
        double total = 0;
        for (auto& [version, weight] : weights.items()) {
            if (version == alias.value("FunctionVersion", "")) {
                throw errors::invalid_parameter("Invalid function version " + version +
                                                ". Function version " + version +
                                                " is already included in routing configuration.");
            }
            if (!call.lambda.store.get_version(call.scope(), function_name, version)) {
                throw errors::function_not_found(function_arn(call, function_name, version));
            }
            total += weight.get<double>();
        }
        if (total > 1.0) {
            throw errors::invalid_parameter("The sum of the weights in the routing configuration "
                                            "must not exceed 1.0.");
        }
        if (weights.empty()) {
            alias.erase("RoutingConfig");
        } else {
            alias["RoutingConfig"] = {{"AdditionalVersionWeights", weights}};
        }
    }
}

json require_alias(lambda_call& call, const std::string& function_name, const std::string& name) {
    require_function(call, function_name);
    auto alias = call.lambda.store.get_alias(call.scope(), function_name, name);
    if (!alias) {
        throw errors::resource_not_found("Cannot find alias arn: " +
                                         function_arn(call, function_name, name));
    }
    return *alias;
}

} // namespace cloudbox::services::lambda
