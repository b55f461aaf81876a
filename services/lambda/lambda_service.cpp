// The Lambda service: the route table (method + path -> operation), the dispatch table, body
// limits, error rendering and the control routes.
#include "lambda/lambda_service.hpp"

#include "core/encoding.hpp"
#include "lambda/internal_aws_client.hpp"
#include "lambda/lambda_errors.hpp"
#include "lambda/lambda_invoker.hpp"
#include "lambda/lambda_model.hpp"
#include "lambda/ops/ops.hpp"
#include "protocol/error_render.hpp"
#include "service/dispatcher.hpp"

#include <array>
#include <sstream>

namespace cloudbox::services::lambda {

namespace {

struct route {
    const char* method;
    const char* pattern; // "{}" matches one path segment
    const char* operation;
};

// Every path of the Lambda API cloudbox serves, from the botocore model.
constexpr std::array routes{
    route{"GET", "/2015-03-31/functions", "ListFunctions"},
    route{"POST", "/2015-03-31/functions", "CreateFunction"},
    route{"GET", "/2015-03-31/functions/{}", "GetFunction"},
    route{"DELETE", "/2015-03-31/functions/{}", "DeleteFunction"},
    route{"GET", "/2015-03-31/functions/{}/configuration", "GetFunctionConfiguration"},
    route{"PUT", "/2015-03-31/functions/{}/configuration", "UpdateFunctionConfiguration"},
    route{"PUT", "/2015-03-31/functions/{}/code", "UpdateFunctionCode"},
    route{"POST", "/2015-03-31/functions/{}/invocations", "Invoke"},
    route{"POST", "/2014-11-13/functions/{}/invoke-async", "InvokeAsync"},
    route{"GET", "/2015-03-31/functions/{}/versions", "ListVersionsByFunction"},
    route{"POST", "/2015-03-31/functions/{}/versions", "PublishVersion"},
    route{"GET", "/2015-03-31/functions/{}/aliases", "ListAliases"},
    route{"POST", "/2015-03-31/functions/{}/aliases", "CreateAlias"},
    route{"GET", "/2015-03-31/functions/{}/aliases/{}", "GetAlias"},
    route{"PUT", "/2015-03-31/functions/{}/aliases/{}", "UpdateAlias"},
    route{"DELETE", "/2015-03-31/functions/{}/aliases/{}", "DeleteAlias"},
    route{"GET", "/2015-03-31/functions/{}/policy", "GetPolicy"},
    route{"POST", "/2015-03-31/functions/{}/policy", "AddPermission"},
    route{"DELETE", "/2015-03-31/functions/{}/policy/{}", "RemovePermission"},
    route{"PUT", "/2017-10-31/functions/{}/concurrency", "PutFunctionConcurrency"},
    route{"GET", "/2019-09-30/functions/{}/concurrency", "GetFunctionConcurrency"},
    route{"DELETE", "/2017-10-31/functions/{}/concurrency", "DeleteFunctionConcurrency"},
    route{"GET", "/2016-08-19/account-settings", "GetAccountSettings"},
    route{"GET", "/2017-03-31/tags/{}", "ListTags"},
    route{"POST", "/2017-03-31/tags/{}", "TagResource"},
    route{"DELETE", "/2017-03-31/tags/{}", "UntagResource"},
    route{"PUT", "/2019-09-25/functions/{}/event-invoke-config", "PutFunctionEventInvokeConfig"},
    route{"GET", "/2019-09-25/functions/{}/event-invoke-config", "GetFunctionEventInvokeConfig"},
    route{"POST", "/2019-09-25/functions/{}/event-invoke-config",
          "UpdateFunctionEventInvokeConfig"},
    route{"DELETE", "/2019-09-25/functions/{}/event-invoke-config",
          "DeleteFunctionEventInvokeConfig"},
    route{"GET", "/2019-09-25/functions/{}/event-invoke-config/list",
          "ListFunctionEventInvokeConfigs"},
    route{"GET", "/2015-03-31/event-source-mappings", "ListEventSourceMappings"},
    route{"POST", "/2015-03-31/event-source-mappings", "CreateEventSourceMapping"},
    route{"GET", "/2015-03-31/event-source-mappings/{}", "GetEventSourceMapping"},
    route{"PUT", "/2015-03-31/event-source-mappings/{}", "UpdateEventSourceMapping"},
    route{"DELETE", "/2015-03-31/event-source-mappings/{}", "DeleteEventSourceMapping"},
};

const std::unordered_map<std::string_view, ops::op>& dispatch_table() {
    static const std::unordered_map<std::string_view, ops::op> table{
        {"CreateFunction", ops::create_function},
        {"GetFunction", ops::get_function},
        {"GetFunctionConfiguration", ops::get_function_configuration},
        {"ListFunctions", ops::list_functions},
        {"UpdateFunctionCode", ops::update_function_code},
        {"UpdateFunctionConfiguration", ops::update_function_configuration},
        {"DeleteFunction", ops::delete_function},
        {"PublishVersion", ops::publish_version},
        {"ListVersionsByFunction", ops::list_versions_by_function},
        {"CreateAlias", ops::create_alias},
        {"GetAlias", ops::get_alias},
        {"UpdateAlias", ops::update_alias},
        {"DeleteAlias", ops::delete_alias},
        {"ListAliases", ops::list_aliases},
        {"Invoke", ops::invoke},
        {"InvokeAsync", ops::invoke_async},
        {"AddPermission", ops::add_permission},
        {"RemovePermission", ops::remove_permission},
        {"GetPolicy", ops::get_policy},
        {"PutFunctionConcurrency", ops::put_function_concurrency},
        {"GetFunctionConcurrency", ops::get_function_concurrency},
        {"DeleteFunctionConcurrency", ops::delete_function_concurrency},
        {"GetAccountSettings", ops::get_account_settings},
        {"TagResource", ops::tag_resource},
        {"UntagResource", ops::untag_resource},
        {"ListTags", ops::list_tags},
        {"PutFunctionEventInvokeConfig", ops::put_function_event_invoke_config},
        {"GetFunctionEventInvokeConfig", ops::get_function_event_invoke_config},
        {"UpdateFunctionEventInvokeConfig", ops::update_function_event_invoke_config},
        {"DeleteFunctionEventInvokeConfig", ops::delete_function_event_invoke_config},
        {"ListFunctionEventInvokeConfigs", ops::list_function_event_invoke_configs},
        {"CreateEventSourceMapping", ops::create_event_source_mapping},
        {"GetEventSourceMapping", ops::get_event_source_mapping},
        {"ListEventSourceMappings", ops::list_event_source_mappings},
        {"UpdateEventSourceMapping", ops::update_event_source_mapping},
        {"DeleteEventSourceMapping", ops::delete_event_source_mapping},
    };
    return table;
}

std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= path.size()) {
        auto next = path.find('/', at);
        if (next == std::string_view::npos) {
            next = path.size();
        }
        if (next > at) {
            out.emplace_back(path.substr(at, next - at));
        }
        at = next + 1;
    }
    return out;
}

// Finds the operation and its decoded path parameters; an unknown path or method gets
// UnknownOperationException.
std::string resolve(const service::request& req, std::vector<std::string>& params) {
    auto parts = segments(req.raw_path);
    for (const auto& r : routes) {
        if (req.method != r.method) {
            continue;
        }
        auto pattern = segments(r.pattern);
        if (pattern.size() != parts.size()) {
            continue;
        }
        std::vector<std::string> found;
        bool match = true;
        for (std::size_t i = 0; i < parts.size() && match; ++i) {
            if (pattern[i] == "{}") {
                auto decoded = core::url_decode(parts[i]);
                match = decoded.has_value();
                if (match) {
                    found.push_back(*decoded);
                }
            } else {
                match = pattern[i] == parts[i];
            }
        }
        if (match) {
            params = std::move(found);
            return r.operation;
        }
    }
    throw errors::unknown_operation();
}

constexpr std::uint64_t max_sync_payload = 6 * 1024 * 1024; // 6 MB
constexpr std::uint64_t max_invoke_body = 8 * 1024 * 1024;
constexpr std::uint64_t max_request_body = 70 * 1024 * 1024; // a 50 MB zip, base64-encoded

} // namespace

lambda_service::lambda_service(lambda_options options, core::clock& clock,
                               cloudbox::lambda::log_sink& logs,
                               std::vector<cloudbox::lambda::registered_function> handlers)
    : options_(std::move(options)), clock_(clock) {
    if (!options_.in_memory) {
        std::filesystem::create_directories(options_.root);
    }
    store_ = std::make_unique<lambda_store>(
        options_.in_memory ? ":memory:" : (options_.root / "lambda.db").string());
    executor_ = std::make_unique<cloudbox::lambda::executor>(
        clock_, logs,
        [this](const std::string& account,
               const std::string& region) -> std::unique_ptr<cloudbox::lambda::aws_client> {
            if (dispatcher_ == nullptr) {
                return nullptr;
            }
            return std::make_unique<cloudbox::lambda::internal_aws_client>(
                service::internal_client(*dispatcher_, {account, region}));
        },
        std::move(handlers));
    invoker_ = std::make_unique<lambda_invoker>(*store_, clock_, *executor_);
    context_ =
        std::make_unique<lambda_context>(lambda_context{*store_, clock_, *executor_, *invoker_});
}

lambda_service::~lambda_service() {
    shutdown();
}

void lambda_service::shutdown() {
    invoker_->stop();
    executor_->wait_idle(std::chrono::seconds(30));
}

void lambda_service::attach(service::dispatcher& dispatcher) {
    dispatcher_ = &dispatcher;
    context_->dispatcher = &dispatcher;
    invoker_->attach(dispatcher);
}

service::body_plan lambda_service::plan_body(service::request& req) {
    std::vector<std::string> params;
    req.ctx.operation = resolve(req, params);
    service::body_plan plan;
    // Invoke payloads: read a little past 6 MB so the operation answers the limit with the
    // connection intact; a body beyond that is refused while it is being read.
    if (req.ctx.operation == "Invoke" || req.ctx.operation == "InvokeAsync") {
        plan.max_buffered = max_invoke_body;
    } else {
        plan.max_buffered = max_request_body;
    }
    return plan;
}

service::response lambda_service::handle(service::request& req) {
    lambda_call call{*context_, req, {}};
    req.ctx.operation = resolve(req, call.params);
    auto op = dispatch_table().at(req.ctx.operation);
    auto res = op(call);
    res.headers.set("x-amzn-requestid", req.ctx.request_id);
    return res;
}

service::response lambda_service::render_error(const core::aws_error& error,
                                               const service::request& req) const {
    auto res = protocol::render_rest_json_error(error, req.ctx.request_id,
                                                errors::message_key(error.code));
    if (!error.fields.empty()) {
        // Extra members (TooManyRequestsException's Reason) go into the JSON body.
        auto body = json::parse(res.body);
        for (const auto& [name, value] : error.fields) {
            body[name] = value;
        }
        res.body = body.dump();
    }
    if (error.code == "EntityTooLarge") {
        // The transport's buffered-body limit: Lambda names it its own way.
        return render_error(errors::too_large(max_sync_payload), req);
    }
    return res;
}

void lambda_service::reset() {
    invoker_->drain(std::chrono::seconds(5));
    store_->reset();
    executor_->drop_all_environments();
}

bool lambda_service::drain(std::chrono::milliseconds timeout) {
    return invoker_->drain(timeout);
}

std::optional<service::response> lambda_service::control(service::request& req) {
    if (req.raw_path == "/_cloudbox/lambda/drain" && req.method == "POST") {
        bool done = drain(std::chrono::seconds(60));
        return json_response(done ? 200 : 504, {{"drained", done}});
    }
    // GetFunction's Code.Location: the zip as it was uploaded.
    const std::string code_prefix = "/_cloudbox/lambda/code/";
    if (req.raw_path.starts_with(code_prefix) && req.method == "GET") {
        auto parts = segments(req.raw_path.substr(code_prefix.size()));
        if (parts.size() == 4) {
            auto code = store_->get_code({parts[0], parts[1]}, parts[2],
                                         core::url_decode(parts[3]).value_or(parts[3]));
            if (code) {
                service::response res;
                res.headers.set("content-type", "application/zip");
                res.body = std::move(*code);
                return res;
            }
        }
        return json_response(404, {{"message", "No such code"}});
    }
    return std::nullopt;
}

} // namespace cloudbox::services::lambda
