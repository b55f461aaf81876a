// Event invoke configurations (PutFunctionEventInvokeConfig and its kin): the request's
// constraints and the document stored per function and qualifier.
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_model.hpp"

#include <optional>
#include <regex>
#include <string>
#include <utility>

namespace cloudbox::services::lambda {

namespace {

std::optional<std::string> destination_of(const json& input, const char* which) {
    if (!input.contains("DestinationConfig") || !input["DestinationConfig"].is_object()) {
        return std::nullopt;
    }
    const json& in = input["DestinationConfig"].value(which, json());
    if (!in.is_object() || !in.contains("Destination") || !in["Destination"].is_string()) {
        return std::nullopt;
    }
    return in["Destination"].get<std::string>();
}

} // namespace

void check_invoke_config_input(const json& input) {
    if (auto retries = optional_int(input, "MaximumRetryAttempts", "maximumRetryAttempts")) {
        if (*retries < 0 || *retries > 2) {
            throw errors::validation("'" + std::to_string(*retries) + "'", "maximumRetryAttempts",
                                     *retries < 0
                                         ? "Member must have value greater than or equal to 0"
                                         : "Member must have value less than or equal to 2");
        }
    }
    if (auto age = optional_int(input, "MaximumEventAgeInSeconds", "maximumEventAgeInSeconds")) {
        if (*age < 60 || *age > 21600) {
            throw errors::validation("'" + std::to_string(*age) + "'", "maximumEventAgeInSeconds",
                                     *age < 60
                                         ? "Member must have value greater than or equal to 60"
                                         : "Member must have value less than or equal to 21600");
        }
    }
    static const char* arn_text = "^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}((-gov)|"
                                  "(-iso(b?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    static const std::regex arn_pattern(arn_text);
    for (auto [which, field] : {std::pair{"OnSuccess", "onSuccess"}, {"OnFailure", "onFailure"}}) {
        auto dest = destination_of(input, which);
        if (dest && !std::regex_search(*dest, arn_pattern)) {
            throw errors::validation(
                "'" + *dest + "'", std::string("destinationConfig.") + field + ".destination",
                std::string("Member must satisfy regular expression pattern: ") + arn_text);
        }
    }
}

json apply_invoke_config(lambda_call& call, const std::string& name, const std::string& qualifier,
                         json config, const json& input) {
    check_invoke_config_input(input);
    if (auto retries = optional_int(input, "MaximumRetryAttempts", "maximumRetryAttempts")) {
        config["MaximumRetryAttempts"] = *retries;
    }
    if (auto age = optional_int(input, "MaximumEventAgeInSeconds", "maximumEventAgeInSeconds")) {
        config["MaximumEventAgeInSeconds"] = *age;
    }
    json destinations = config.value(
        "DestinationConfig", json{{"OnSuccess", json::object()}, {"OnFailure", json::object()}});
    if (input.contains("DestinationConfig") && input["DestinationConfig"].is_object()) {
        for (const char* which : {"OnSuccess", "OnFailure"}) {
            auto dest = destination_of(input, which);
            if (!dest) {
                continue;
            }
            if (dest->empty()) {
                destinations[which] = json::object();
                continue;
            }
            std::string service = dest->substr(0, dest->find(':', 8)); // "arn:aws:<service>"
            service = service.substr(service.rfind(':') + 1);
            if (service != "sqs" && service != "sns" && service != "lambda" &&
                service != "events" && service != "s3") {
                auto shown = [&](const char* w, const char* cls) {
                    auto d = destination_of(input, w);
                    return d ? std::string(cls) + "(destination=" + *d + ")" : std::string("null");
                };
                throw errors::invalid_parameter(
                    "The provided destination config DestinationConfig(onSuccess=" +
                    shown("OnSuccess", "OnSuccess") +
                    ", onFailure=" + shown("OnFailure", "OnFailure") + ") is invalid.");
            }
            if (*dest == function_arn(call, name) || *dest == function_arn(call, name, qualifier)) {
                throw errors::invalid_parameter(
                    "You can't specify the function as a destination for itself.");
            }
            if (service == "lambda" && dest->starts_with(call.function_arn_prefix())) {
                function_ref target = parse_function_ref(call, *dest, false);
                if (!call.lambda.store.get_version(call.scope(), target.name, "$LATEST")) {
                    throw errors::invalid_parameter("The destination ARN " + *dest +
                                                    " is invalid.");
                }
            }
            destinations[which] = {{"Destination", *dest}};
        }
    }
    config["DestinationConfig"] = destinations;
    config["FunctionArn"] = function_arn(call, name, qualifier);
    config["LastModified"] = static_cast<double>(call.lambda.clock.now_millis()) / 1000.0;
    return config;
}

} // namespace cloudbox::services::lambda
