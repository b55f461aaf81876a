// Invoke: RequestResponse (run now, on the function worker pool), Event (202, queued durably),
// DryRun (204); Tail logs, client context, function errors as 200 + X-Amz-Function-Error.
#include "core/encoding.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_invoker.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"

namespace cloudbox::services::lambda::ops {

namespace {

constexpr std::uint64_t max_sync_payload = 6 * 1024 * 1024; // 6291456 bytes
constexpr std::uint64_t max_async_payload = 1024 * 1024;    // 1 MB since 2025
constexpr std::size_t tail_bytes = 4096;
constexpr std::size_t max_client_context = 3583;

std::optional<json> client_context(const lambda_call& call) {
    auto header = call.req.headers.get("x-amz-client-context");
    if (!header) {
        return std::nullopt;
    }
    if (header->size() > max_client_context) {
        throw errors::validation("'" + std::string(*header) + "'", "clientContext",
                                 "Member must have length less than or equal to 3583");
    }
    auto decoded = core::base64_decode(*header);
    auto parsed = decoded ? json::parse(*decoded, nullptr, false) : json();
    if (!decoded || parsed.is_discarded() || !parsed.is_object()) {
        throw errors::invalid_content("Client context must be a valid Base64-encoded JSON object.");
    }
    return parsed;
}

} // namespace

service::response invoke(lambda_call& call) {
    function_ref ref = parse_function_ref(call, call.params.at(0));
    std::string type(call.req.headers.get("x-amz-invocation-type").value_or("RequestResponse"));
    if (type != "RequestResponse" && type != "Event" && type != "DryRun") {
        throw errors::validation("'" + type + "'", "invocationType",
                                 "Member must satisfy enum value set: [Event, RequestResponse, "
                                 "DryRun]");
    }
    std::string log_type(call.req.headers.get("x-amz-log-type").value_or("None"));
    if (log_type != "None" && log_type != "Tail") {
        throw errors::validation("'" + log_type + "'", "logType",
                                 "Member must satisfy enum value set: [None, Tail]");
    }
    auto context = client_context(call);
    const std::string& payload = call.req.body;
    std::uint64_t limit = type == "Event" ? max_async_payload : max_sync_payload;
    if (payload.size() > limit) {
        throw errors::too_large(limit);
    }
    if (!payload.empty() && json::parse(payload, nullptr, false).is_discarded()) {
        throw errors::invalid_content("Could not parse request body into json: Could not parse "
                                      "payload into json: Unexpected character: was expecting "
                                      "(JSON String, Number, Array, Object or token 'null', "
                                      "'true' or 'false')");
    }
    std::string version = route_qualifier(call, ref);
    auto config = call.lambda.store.get_version(call.scope(), ref.name, version);
    if (!config) {
        require_function(call, ref.name);
        throw errors::function_not_found(function_arn(call, ref.name, ref.qualifier));
    }
    if (type == "DryRun") {
        return empty_response(204);
    }
    if (type == "Event") {
        call.lambda.invoker.enqueue(call.scope(), ref.name, ref.qualifier, payload,
                                    call.req.ctx.request_id);
        return empty_response(202);
    }
    cloudbox::lambda::invocation inv;
    inv.fn = spec_for(call, *config, function_arn(call, ref.name, ref.qualifier));
    inv.request_id = call.req.ctx.request_id;
    inv.payload = payload;
    inv.client_context = std::move(context);
    bool reserved = inv.fn.reserved_concurrency.has_value();
    auto result = call.lambda.executor.run(std::move(inv));
    if (!result) {
        throw errors::throttled(reserved ? "ReservedFunctionConcurrentInvocationLimitExceeded"
                                         : "ConcurrentInvocationLimitExceeded");
    }
    auto res = json_response(200, json());
    res.body = std::move(result->payload);
    res.headers.set("x-amz-executed-version", version);
    if (result->function_error) {
        res.headers.set("x-amz-function-error", "Unhandled");
    }
    if (log_type == "Tail") {
        const std::string& log = result->log_text;
        res.headers.set("x-amz-log-result",
                        core::base64_encode(log.size() > tail_bytes ? std::string_view(log).substr(
                                                                          log.size() - tail_bytes)
                                                                    : std::string_view(log)));
    }
    return res;
}

} // namespace cloudbox::services::lambda::ops
