// Alias documents and their validation.
#include "lambda/lambda_alias.hpp"

#include "lambda/lambda_errors.hpp"

namespace cloudbox::services::lambda {

void apply_alias_input(lambda_call& call, const std::string& function_name, json& alias,
                       const json& input) {
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
        json weights =
            input["RoutingConfig"].is_object()
                ? input["RoutingConfig"].value("AdditionalVersionWeights", json::object())
                : json::object();
        double total = 0;
        for (auto& [version, weight] : weights.items()) {
            if (!weight.is_number() || weight.get<double>() < 0 || weight.get<double>() > 1) {
                throw errors::validation("'" + weight.dump() + "'",
                                         "routingConfig.additionalVersionWeights",
                                         "Map value must satisfy constraint: [Member must have "
                                         "value less than or equal to 1.0, Member must have value "
                                         "greater than or equal to 0.0]");
            }
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
        throw errors::resource_not_found("Alias not found: " +
                                         function_arn(call, function_name, name));
    }
    return *alias;
}

} // namespace cloudbox::services::lambda
