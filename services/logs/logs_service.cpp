// The CloudWatch Logs service: dispatch table by X-Amz-Target, JSON errors, Lambda's log sink.
#include "logs/logs_service.hpp"

#include "logs/logs_errors.hpp"
#include "logs/ops/ops.hpp"
#include "protocol/error_render.hpp"

#include <unordered_map>

namespace cloudbox::services::logs {

namespace {

const std::unordered_map<std::string_view, ops::op>& dispatch_table() {
    static const std::unordered_map<std::string_view, ops::op> table{
        {"CreateLogGroup", ops::create_log_group},
        {"CreateLogStream", ops::create_log_stream},
        {"DeleteLogGroup", ops::delete_log_group},
        {"DescribeLogGroups", ops::describe_log_groups},
        {"DescribeLogStreams", ops::describe_log_streams},
        {"PutLogEvents", ops::put_log_events},
        {"GetLogEvents", ops::get_log_events},
        {"FilterLogEvents", ops::filter_log_events},
    };
    return table;
}

} // namespace

std::string logs_call::required_string(const char* member) const {
    auto value = optional_string(member);
    if (!value) {
        throw errors::not_null(member);
    }
    return *value;
}

std::optional<std::string> logs_call::optional_string(const char* member) const {
    auto it = input.find(member);
    if (it == input.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        throw errors::serialization();
    }
    return it->get<std::string>();
}

std::optional<std::int64_t> logs_call::optional_int(const char* member) const {
    auto it = input.find(member);
    if (it == input.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_number_integer()) {
        throw errors::serialization();
    }
    return it->get<std::int64_t>();
}

logs_service::logs_service(std::filesystem::path root, bool in_memory, core::clock& clock)
    : clock_(clock) {
    if (!in_memory) {
        std::filesystem::create_directories(root);
    }
    store_ = std::make_unique<logs_store>(in_memory ? ":memory:" : (root / "logs.db").string());
    writer_ = std::make_unique<log_writer>(*store_, clock_);
}

logs_service::~logs_service() = default;

service::body_plan logs_service::plan_body(service::request& req) {
    auto target = req.headers.get("x-amz-target").value_or("");
    auto dot = target.find('.');
    req.ctx.operation = dot == std::string_view::npos ? "" : std::string(target.substr(dot + 1));
    service::body_plan plan;
    plan.max_buffered = 1 << 20; // PutLogEvents batches are at most 1 MB
    return plan;
}

service::response logs_service::handle(service::request& req) {
    auto it = dispatch_table().find(req.ctx.operation);
    if (it == dispatch_table().end()) {
        throw errors::unknown_operation();
    }
    json input = req.body.empty() ? json::object() : json::parse(req.body, nullptr, false);
    if (input.is_discarded() || !input.is_object()) {
        throw errors::serialization();
    }
    writer_->flush(); // the lines of every invocation that has answered are readable
    logs_call call{*store_, clock_, req, std::move(input)};
    json out = it->second(call);
    service::response res;
    res.headers.set("content-type", "application/x-amz-json-1.1");
    res.headers.set("x-amzn-requestid", req.ctx.request_id);
    res.body = out.dump();
    return res;
}

service::response logs_service::render_error(const core::aws_error& error,
                                             const service::request& req) const {
    return protocol::render_json_error(error, req.ctx.request_id, "", "application/x-amz-json-1.1");
}

void logs_service::reset() {
    writer_->discard();
    store_->reset();
}

void logs_service::write(const cloudbox::lambda::log_batch& batch) {
    writer_->add(batch);
}

} // namespace cloudbox::services::logs
