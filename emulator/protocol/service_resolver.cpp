// Service resolution for the single port: credential scope, X-Amz-Target, path, form Action, S3.
#include "protocol/service_resolver.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace cloudbox::protocol {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> target_prefixes{{
    {"DynamoDBStreams_20120810", "dynamodbstreams"},
    {"DynamoDB_20120810", "dynamodb"},
    {"AmazonSQS", "sqs"},
    {"AWSCognitoIdentityService", "cognito-identity"},
    {"TrentService", "kms"},
    {"Logs_20140328", "logs"},
    {"AWSEvents", "events"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> path_prefixes{{
    {"/2015-03-31/", "lambda"},
    {"/restapis", "apigateway"},
    {"/v2/apis", "apigatewayv2"},
    {"/v2/email/", "sesv2"},
    {"/2014-11-13/functions/", "lambda"}, // InvokeAsync (legacy)
}};

std::string from_target(std::string_view target) {
    for (auto [prefix, svc] : target_prefixes) {
        if (target.starts_with(prefix) && target.size() > prefix.size() &&
            target[prefix.size()] == '.') {
            return std::string(svc);
        }
    }
    return {};
}

std::string from_path(std::string_view path) {
    for (auto [prefix, svc] : path_prefixes) {
        if (path.starts_with(prefix)) {
            return std::string(svc);
        }
    }
    return {};
}

} // namespace

std::string resolve_service(const service::request& req) {
    const std::string& scope = req.ctx.signing_service;
    auto target = req.headers.get("x-amz-target").value_or("");
    if (!target.empty()) {
        if (auto svc = from_target(target); !svc.empty()) {
            return svc;
        }
    }
    // Shared signing names: the path or the target tells them apart.
    if (scope == "dynamodb" || scope == "sqs" || scope == "lambda" || scope == "logs" ||
        scope == "events" || scope == "kms" || scope == "sts" || scope == "cognito-identity") {
        return scope;
    }
    if (scope == "ses" || scope == "email") {
        return req.raw_path.starts_with("/v2/email") ? "sesv2" : "ses";
    }
    if (scope == "apigateway") {
        return req.raw_path.starts_with("/v2/") ? "apigatewayv2" : "apigateway";
    }
    if (scope == "s3") {
        return "s3";
    }
    // A JSON-protocol request (X-Amz-Target) signed for a service cloudbox does not know is
    // never S3: name it so the dispatcher answers with a JSON error instead of S3's XML.
    if (!target.empty() && !scope.empty()) {
        return scope;
    }
    if (auto svc = from_path(req.raw_path); !svc.empty()) {
        return svc;
    }
    if (auto action = req.query.get("Action")) {
        // Unsigned query-protocol requests: SQS queue URLs carry /{account}/{name}.
        return req.raw_path.size() > 1 ? "sqs" : "query";
    }
    return "s3";
}

} // namespace cloudbox::protocol
