// The functions' AWS client: every call goes through the dispatcher, in-process.
#include "lambda/internal_aws_client.hpp"

#include "core/encoding.hpp"

namespace cloudbox::lambda {

namespace {

// The X-Amz-Target prefix of each JSON-protocol service, by signing name.
std::string target_prefix(std::string_view service) {
    if (service == "dynamodb") {
        return "DynamoDB_20120810";
    }
    if (service == "sqs") {
        return "AmazonSQS";
    }
    if (service == "logs") {
        return "Logs_20140328";
    }
    if (service == "events") {
        return "AWSEvents";
    }
    if (service == "kms") {
        return "TrentService";
    }
    if (service == "cognito-identity") {
        return "AWSCognitoIdentityService";
    }
    throw aws_client_error(
        "UnknownService",
        "cloudbox's function client has no JSON protocol for '" + std::string(service) + "'", 400);
}

template <class Fn> auto translating(Fn&& fn) {
    try {
        return fn();
    } catch (const core::aws_error& e) {
        throw aws_client_error(e.code, e.message, e.http_status);
    }
}

} // namespace

json internal_aws_client::call(std::string_view service, std::string_view operation,
                               const json& input) {
    if (service == "lambda" && operation == "Invoke") {
        return translating([&] { return invoke_function(input); });
    }
    std::string target = target_prefix(service) + "." + std::string(operation);
    return translating([&] { return client_.call_json(std::string(service), target, input); });
}

// Lambda's Invoke is REST-JSON: {FunctionName, Payload, InvocationType, Qualifier} ->
// {StatusCode, Payload, FunctionError, ExecutedVersion}.
json internal_aws_client::invoke_function(const json& input) {
    std::string name = input.value("FunctionName", "");
    std::string path = "/2015-03-31/functions/" + core::url_encode(name) + "/invocations";
    if (input.contains("Qualifier")) {
        path += "?Qualifier=" + core::url_encode(input["Qualifier"].get<std::string>());
    }
    std::string payload;
    if (input.contains("Payload")) {
        payload = input["Payload"].is_string() ? input["Payload"].get<std::string>()
                                               : input["Payload"].dump();
    }
    auto res = client_.call_rest_json(
        "lambda", "POST", path, payload,
        {{"x-amz-invocation-type", input.value("InvocationType", "RequestResponse")}});
    json out{{"StatusCode", res.status}};
    if (!res.body.empty()) {
        out["Payload"] = json::parse(res.body, nullptr, false);
    }
    if (auto fe = res.headers.get("x-amz-function-error")) {
        out["FunctionError"] = std::string(*fe);
    }
    if (auto v = res.headers.get("x-amz-executed-version")) {
        out["ExecutedVersion"] = std::string(*v);
    }
    return out;
}

s3_get_result internal_aws_client::s3_get_object(const std::string& bucket,
                                                 const std::string& key) {
    return translating([&] {
        auto obj = client_.get_object(bucket, key);
        return s3_get_result{std::move(obj.body), std::move(obj.content_type),
                             std::move(obj.metadata)};
    });
}

void internal_aws_client::s3_put_object(const std::string& bucket, const std::string& key,
                                        std::string body, const std::string& content_type,
                                        const std::map<std::string, std::string>& metadata) {
    translating(
        [&] { return client_.put_object(bucket, key, std::move(body), content_type, metadata); });
}

void internal_aws_client::s3_delete_object(const std::string& bucket, const std::string& key) {
    translating([&] {
        client_.delete_object(bucket, key);
        return 0;
    });
}

s3_list_result internal_aws_client::s3_list_objects(const std::string& bucket,
                                                    const std::string& prefix,
                                                    const std::string& marker) {
    return translating([&] {
        auto page = client_.list_objects(bucket, prefix, marker);
        s3_list_result out;
        out.is_truncated = page.is_truncated;
        out.next_marker = page.next_marker;
        for (auto& e : page.contents) {
            out.contents.push_back({e.key, e.size, e.last_modified});
        }
        return out;
    });
}

} // namespace cloudbox::lambda
