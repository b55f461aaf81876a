// The C++ function ABI: what a handler receives (event, context) and returns (result or error).
// No Beast, SQLite or cloudbox internals here, so a function written against it could also be
// built for real Lambda with aws-lambda-cpp (invocation_request/invocation_response shape).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::lambda {

using json = nlohmann::json;

// An AWS error returned by a call through the function's AWS client.
struct aws_client_error : std::runtime_error {
    std::string code;
    std::string message;
    int status = 400;
    aws_client_error(std::string code_, std::string message_, int status_)
        : std::runtime_error(code_ + ": " + message_), code(std::move(code_)),
          message(std::move(message_)), status(status_) {}
};

struct s3_get_result {
    std::string body;
    std::string content_type;
    std::map<std::string, std::string> metadata; // user metadata, names lower-cased
};

struct s3_list_entry {
    std::string key;
    std::uint64_t size = 0;
    std::string last_modified;
};

struct s3_list_result {
    std::vector<s3_list_entry> contents;
    bool is_truncated = false;
    std::string next_marker;
};

// The AWS SDK a function sees: calls go through cloudbox's own dispatcher, in-process, with
// the function's account and region. Errors throw aws_client_error.
class aws_client {
  public:
    virtual ~aws_client() = default;
    // JSON-protocol services by signing name: ("dynamodb", "PutItem", {...}),
    // ("sqs", "SendMessage", {...}), ("logs", ...), ("lambda", "Invoke", {FunctionName,
    // Payload, InvocationType}).
    virtual json call(std::string_view service, std::string_view operation, const json& input) = 0;
    virtual s3_get_result s3_get_object(const std::string& bucket, const std::string& key) = 0;
    virtual void s3_put_object(const std::string& bucket, const std::string& key, std::string body,
                               const std::string& content_type,
                               const std::map<std::string, std::string>& metadata) = 0;
    virtual void s3_delete_object(const std::string& bucket, const std::string& key) = 0;
    // ListObjects (v1), one page.
    virtual s3_list_result s3_list_objects(const std::string& bucket, const std::string& prefix,
                                           const std::string& marker) = 0;
};

// The function's stdout: each line goes to its log stream (and cloudbox's console).
class logger {
  public:
    virtual ~logger() = default;
    virtual void log(std::string_view line) = 0;
};

// What aws-lambda-cpp's invocation_request and the runtime's context carry.
struct invocation_context {
    std::string request_id;
    std::string function_name;
    std::string function_version;
    std::string invoked_function_arn;
    int memory_limit_in_mb = 128;
    std::string log_group_name;
    std::string log_stream_name;
    std::optional<json> client_context; // X-Amz-Client-Context, decoded
    std::map<std::string, std::string> environment;
    std::chrono::steady_clock::time_point deadline; // real elapsed time, like Lambda's timeout
    // Wall time as the emulator's clock tells it (frozen or advanced by tests).
    std::function<std::chrono::system_clock::time_point()> now;
    logger* log = nullptr;
    aws_client* aws = nullptr;

    std::chrono::milliseconds get_remaining_time() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
    }
    std::string env(const std::string& name, const std::string& fallback = {}) const {
        auto it = environment.find(name);
        return it == environment.end() ? fallback : it->second;
    }
};

// The handler's answer: a JSON result, or an error as Lambda reports it.
struct invocation_response {
    bool success = true;
    json payload; // the result (success)
    std::string error_type;
    std::string error_message;
    std::vector<std::string> stack_trace;

    static invocation_response ok(json result) {
        invocation_response r;
        r.payload = std::move(result);
        return r;
    }
    static invocation_response failure(std::string message, std::string type,
                                       std::vector<std::string> trace = {}) {
        invocation_response r;
        r.success = false;
        r.error_message = std::move(message);
        r.error_type = std::move(type);
        r.stack_trace = std::move(trace);
        return r;
    }
};

using handler_fn = std::function<invocation_response(const json& event, invocation_context&)>;

// What the init phase sees (once per execution environment).
struct init_context {
    std::string function_name;
    std::map<std::string, std::string> environment;
    logger* log = nullptr;
};

// Runs the init phase (code outside the handler in Node/Python) and returns the handler.
using handler_factory = std::function<handler_fn(init_context&)>;

struct registered_function {
    std::string name;
    handler_factory init;
    // A handler that only computes on its event (no AWS calls, no waiting, bounded time) may
    // run on the invoking thread instead of the worker pool: Lambda's semantics are the same
    // (environments, concurrency, logs, result), without two thread hand-offs per invoke.
    bool runs_inline = false;
};

// functions/register_functions.cpp: the explicit list of handlers by name.
std::vector<registered_function> registered_functions();

} // namespace cloudbox::lambda
