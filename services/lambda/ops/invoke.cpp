// Invoke: RequestResponse (run now, on the function worker pool, answered through a deferred
// response so no HTTP thread waits for the function), Event (202, queued durably), DryRun (204);
// Tail logs, client context, function errors as 200 + X-Amz-Function-Error.
#include "core/encoding.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_invoker.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"
#include "protocol/error_render.hpp"
#include "service/pending.hpp"

#include <mutex>

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

// A RequestResponse invocation between submit() and its answer: `done` (on a worker or the
// watchdog thread) stores the result and wakes the deferred response.
struct sync_invocation {
    std::mutex mutex;
    std::optional<cloudbox::lambda::invocation_result> result;
    std::weak_ptr<service::pending_response> pending;
    std::string version;
    bool tail = false;
    std::string request_id;
};

service::response sync_invocation_response(sync_invocation& s,
                                           cloudbox::lambda::invocation_result& result) {
    auto res = json_response(200, json());
    res.body = std::move(result.payload);
    // The service stamps the request id on what handle() returns; a deferred answer needs its own.
    res.headers.set("x-amzn-requestid", s.request_id);
    res.headers.set("x-amz-executed-version", s.version);
    if (result.function_error) {
        res.headers.set("x-amz-function-error", "Unhandled");
    }
    if (s.tail) {
        const std::string& log = result.log_text;
        res.headers.set("x-amz-log-result",
                        core::base64_encode(log.size() > tail_bytes ? std::string_view(log).substr(
                                                                          log.size() - tail_bytes)
                                                                    : std::string_view(log)));
    }
    return res;
}

// One attempt of the deferred response: the answer once the function is done. The executor's
// watchdog always reports a timeout, so the deadline is only reached when the server stops.
std::optional<service::response> complete_sync_invocation(sync_invocation& s, bool final) {
    std::lock_guard lock(s.mutex);
    if (s.result) {
        return sync_invocation_response(s, *s.result);
    }
    if (!final) {
        return std::nullopt;
    }
    return protocol::render_rest_json_error(
        errors::service_exception("The function did not finish before the service stopped."),
        s.request_id, "Message");
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
    if (!payload.empty() && !json::accept(payload)) { // validates without building the DOM
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
    // Grace past the function's own timeout (which the watchdog enforces) for a cold start.
    auto deadline = std::chrono::steady_clock::now() +
                    std::chrono::seconds(inv.fn.timeout_seconds) + std::chrono::seconds(60);
    auto state = std::make_shared<sync_invocation>();
    state->version = version;
    state->tail = log_type == "Tail";
    state->request_id = call.req.ctx.request_id;
    auto pending = std::make_shared<service::pending_response>(
        deadline, [state](bool final) { return complete_sync_invocation(*state, final); });
    state->pending = pending;
    bool started =
        call.lambda.executor.submit(std::move(inv), [state](cloudbox::lambda::invocation_result r) {
            {
                std::lock_guard lock(state->mutex);
                state->result = std::move(r);
            }
            if (auto p = state->pending.lock()) {
                p->wake(); // the client may have gone: then nobody hears the answer
            }
        });
    if (!started) {
        throw errors::throttled(reserved ? "ReservedFunctionConcurrentInvocationLimitExceeded"
                                         : "ConcurrentInvocationLimitExceeded");
    }
    service::response res;
    res.pending = std::move(pending);
    return res;
}

} // namespace cloudbox::services::lambda::ops
