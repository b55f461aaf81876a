// Event source mapping documents and their validation.
#include "lambda/lambda_mapping.hpp"

#include "lambda/lambda_errors.hpp"

namespace cloudbox::services::lambda {

namespace {

std::string source_kind(const std::string& arn) {
    if (arn.starts_with("arn:aws:sqs:")) {
        return "sqs";
    }
    if (arn.starts_with("arn:aws:dynamodb:") && arn.find("/stream/") != std::string::npos) {
        return "dynamodb";
    }
    if (arn.starts_with("arn:aws:kinesis:")) {
        return "kinesis";
    }
    return {};
}

void check_range(std::int64_t value, std::int64_t lo, std::int64_t hi, const char* field) {
    if (value < lo) {
        throw errors::validation("'" + std::to_string(value) + "'", field,
                                 "Member must have value greater than or equal to " +
                                     std::to_string(lo));
    }
    if (value > hi) {
        throw errors::validation("'" + std::to_string(value) + "'", field,
                                 "Member must have value less than or equal to " +
                                     std::to_string(hi));
    }
}

} // namespace

void apply_mapping_input(lambda_call& call, json& mapping, const json& input, bool creating) {
    if (creating) {
        auto source = optional_string(input, "EventSourceArn", "eventSourceArn");
        if (!source) {
            throw errors::invalid_parameter("Unrecognized event source.");
        }
        std::string kind = source_kind(*source);
        if (kind.empty()) {
            throw errors::invalid_parameter("Unrecognized event source, must be kinesis, "
                                            "dynamodb stream or sqs.");
        }
        mapping["EventSourceArn"] = *source;
        mapping["BatchSize"] = kind == "sqs" ? 10 : 100;
        mapping["MaximumBatchingWindowInSeconds"] = 0;
        mapping["FunctionResponseTypes"] = json::array();
        if (kind != "sqs") {
            auto position = optional_string(input, "StartingPosition", "startingPosition");
            if (!position) {
                throw errors::invalid_parameter(
                    "1 validation error detected: Value null at 'startingPosition' failed to "
                    "satisfy constraint: Member must not be null");
            }
            if (*position != "TRIM_HORIZON" && *position != "LATEST" &&
                *position != "AT_TIMESTAMP") {
                throw errors::validation("'" + *position + "'", "startingPosition",
                                         "Member must satisfy enum value set: [AT_TIMESTAMP, "
                                         "TRIM_HORIZON, LATEST]");
            }
            mapping["StartingPosition"] = *position;
            mapping["MaximumRetryAttempts"] = -1;
            mapping["MaximumRecordAgeInSeconds"] = -1;
            mapping["BisectBatchOnFunctionError"] = false;
            mapping["ParallelizationFactor"] = 1;
            mapping["DestinationConfig"] = {{"OnFailure", json::object()}};
            mapping["LastProcessingResult"] = "No records processed";
        } else if (input.contains("StartingPosition")) {
            throw errors::invalid_parameter(
                "Unsupported starting position for this event source type.");
        }
    }
    std::string kind = source_kind(mapping.value("EventSourceArn", ""));
    if (auto name = optional_string(input, "FunctionName", "functionName")) {
        function_ref ref = parse_function_ref(call, *name, false);
        if (!call.lambda.store.get_version(call.scope(), ref.name, "$LATEST")) {
            // A bad parameter to AWS, not a missing resource: 400, not 404.
            throw errors::invalid_parameter("Function does not exist");
        }
        mapping["FunctionArn"] = function_arn(call, ref.name, ref.qualifier);
    } else if (creating) {
        throw errors::not_null("functionName");
    }
    if (auto batch = optional_int(input, "BatchSize", "batchSize")) {
        check_range(*batch, 1, 10000, "batchSize");
        mapping["BatchSize"] = *batch;
    }
    if (auto window = optional_int(input, "MaximumBatchingWindowInSeconds",
                                   "maximumBatchingWindowInSeconds")) {
        check_range(*window, 0, 300, "maximumBatchingWindowInSeconds");
        mapping["MaximumBatchingWindowInSeconds"] = *window;
    }
    if (kind == "sqs" && mapping.value("BatchSize", 10) > 10 &&
        mapping.value("MaximumBatchingWindowInSeconds", 0) < 1) {
        throw errors::invalid_parameter("Maximum batch window in seconds must be greater than 0 "
                                        "if maximum batch size is greater than 10");
    }
    if (input.contains("Enabled")) {
        mapping["State"] = input.value("Enabled", true) ? "Enabled" : "Disabled";
    } else if (creating) {
        mapping["State"] = "Enabled";
    }
    if (input.contains("FunctionResponseTypes") && input["FunctionResponseTypes"].is_array()) {
        for (const auto& t : input["FunctionResponseTypes"]) {
            if (t != "ReportBatchItemFailures") {
                throw errors::validation("'[" + t.dump() + "]'", "functionResponseTypes",
                                         "Member must satisfy constraint: [Member must satisfy "
                                         "enum value set: [ReportBatchItemFailures]]");
            }
        }
        mapping["FunctionResponseTypes"] = input["FunctionResponseTypes"];
    }
    if (input.contains("FilterCriteria") && input["FilterCriteria"].is_object()) {
        for (const auto& f : input["FilterCriteria"].value("Filters", json::array())) {
            auto pattern = json::parse(f.value("Pattern", ""), nullptr, false);
            if (pattern.is_discarded() || !pattern.is_object()) {
                throw errors::invalid_parameter("Invalid filter pattern definition.");
            }
        }
        mapping["FilterCriteria"] = input["FilterCriteria"];
    }
    if (kind == "dynamodb" || kind == "kinesis") {
        if (auto retries = optional_int(input, "MaximumRetryAttempts", "maximumRetryAttempts")) {
            check_range(*retries, -1, 10000, "maximumRetryAttempts");
            mapping["MaximumRetryAttempts"] = *retries;
        }
        if (input.contains("BisectBatchOnFunctionError")) {
            mapping["BisectBatchOnFunctionError"] =
                input.value("BisectBatchOnFunctionError", false);
        }
        if (input.contains("DestinationConfig") && input["DestinationConfig"].is_object()) {
            mapping["DestinationConfig"] = input["DestinationConfig"];
        }
    } else if (input.contains("MaximumRetryAttempts") ||
               input.contains("BisectBatchOnFunctionError")) {
        throw errors::invalid_parameter("Unsupported MaximumRetryAttempts parameter for this "
                                        "event source type.");
    }
    mapping["LastModified"] = static_cast<double>(call.lambda.clock.now_millis()) / 1000.0;
    mapping["StateTransitionReason"] = "USER_INITIATED";
}

json require_mapping(lambda_call& call, const std::string& uuid) {
    auto mapping = call.lambda.store.get_mapping(call.scope(), uuid);
    if (!mapping) {
        throw errors::resource_not_found("The resource you requested does not exist.");
    }
    return *mapping;
}

} // namespace cloudbox::services::lambda
