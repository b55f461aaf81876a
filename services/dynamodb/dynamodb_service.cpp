// The DynamoDB and DynamoDB Streams services: the dispatch tables, request checks (JSON, types,
// constraints), error rendering with x-amz-crc32 on every response.
#include "dynamodb/dynamodb_service.hpp"

#include "core/hash.hpp"
#include "dynamodb/dynamodb_call.hpp"
#include "dynamodb/model/dynamodb_model.hpp"
#include "dynamodb/ops/ops.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace cloudbox::services::dynamodb {

namespace {

// The dispatch table of DynamoDB, keyed by the exact AWS operation name.
const std::unordered_map<std::string_view, ddb_operation>& dynamodb_table() {
    static const std::unordered_map<std::string_view, ddb_operation> table{
        {"CreateTable", ops::create_table},
        {"DescribeTable", ops::describe_table},
        {"ListTables", ops::list_tables},
        {"UpdateTable", ops::update_table},
        {"DeleteTable", ops::delete_table},
        {"UpdateTimeToLive", ops::update_time_to_live},
        {"DescribeTimeToLive", ops::describe_time_to_live},
        {"TagResource", ops::tag_resource},
        {"UntagResource", ops::untag_resource},
        {"ListTagsOfResource", ops::list_tags_of_resource},
        {"DescribeLimits", ops::describe_limits},
        {"DescribeEndpoints", ops::describe_endpoints},
        {"PutItem", ops::put_item},
        {"GetItem", ops::get_item},
        {"DeleteItem", ops::delete_item},
        {"UpdateItem", ops::update_item},
        {"Query", ops::query},
        {"Scan", ops::scan},
        {"BatchGetItem", ops::batch_get_item},
        {"BatchWriteItem", ops::batch_write_item},
        {"TransactWriteItems", ops::transact_write_items},
        {"TransactGetItems", ops::transact_get_items},
        {"ExecuteStatement", ops::execute_statement},
        {"BatchExecuteStatement", ops::batch_execute_statement},
        {"ExecuteTransaction", ops::execute_transaction},
    };
    return table;
}

// The dispatch table of DynamoDB Streams.
const std::unordered_map<std::string_view, ddb_operation>& streams_table() {
    static const std::unordered_map<std::string_view, ddb_operation> table{
        {"ListStreams", ops::list_streams},
        {"DescribeStream", ops::describe_stream},
        {"GetShardIterator", ops::get_shard_iterator},
        {"GetRecords", ops::get_records},
    };
    return table;
}

// Expired items are swept lazily: before a DynamoDB request once per minute of clock time (a
// frozen clock never sweeps by itself; POST /_cloudbox/dynamodb/ttl-sweep sweeps on demand).
constexpr std::int64_t lazy_ttl_sweep_interval_ms = 60 * 1000;

// DynamoDB accepts request bodies up to 16 MiB (a BatchWriteItem of 25 items of 400 KB fits).
constexpr std::uint64_t max_request_bytes = 16ULL * 1024 * 1024;

std::string crc32_text(std::string_view body) {
    auto raw = core::digest(core::digest_kind::crc32, body);
    std::uint32_t v = 0;
    for (unsigned char c : raw) {
        v = (v << 8) | c;
    }
    return std::to_string(v);
}

service::response json_response(int status, std::string body, const service::request& req) {
    service::response r;
    r.status = status;
    r.headers.set("x-amzn-requestid", req.ctx.request_id);
    r.headers.set("content-type", "application/x-amz-json-1.0");
    r.headers.set("x-amz-crc32", crc32_text(body));
    r.body = std::move(body);
    return r;
}

std::string operation_of(const service::request& req, std::string_view prefix) {
    auto target = req.headers.get("x-amz-target").value_or("");
    if (target.size() > prefix.size() + 1 && target.starts_with(prefix) &&
        target[prefix.size()] == '.') {
        return std::string(target.substr(prefix.size() + 1));
    }
    return {};
}

} // namespace

ddb_context::ddb_context(dynamodb_options opts, core::clock& c)
    : store(opts.in_memory ? ":memory:" : (opts.root / "dynamodb.db").string()), clock(c),
      options(std::move(opts)) {}

table_ptr ddb_call::table(bool detailed) const {
    return table_named(body.value("TableName", std::string()), detailed);
}

table_ptr ddb_call::table_named(const std::string& name, bool detailed) const {
    auto t = ddb.store.find_table(account(), region(), name);
    if (!t) {
        throw detailed ? errors::table_not_found(name) : errors::resource_not_found();
    }
    return t;
}

dynamodb_service::dynamodb_service(std::shared_ptr<ddb_context> context, std::string api)
    : context_(std::move(context)), api_(std::move(api)) {}

dynamodb_service::~dynamodb_service() = default;

service::body_plan dynamodb_service::plan_body(service::request& req) {
    if (auto length = req.headers.get("content-length")) {
        if (length->size() > 9 || std::stoull(std::string(*length)) > max_request_bytes) {
            throw errors::validation("Request size exceeded " + std::to_string(max_request_bytes) +
                                     " bytes");
        }
    }
    service::body_plan plan;
    plan.max_buffered = max_request_bytes;
    return plan;
}

service::response dynamodb_service::handle(service::request& req) {
    const bool streams = api_ == "dynamodbstreams";
    const auto& table = streams ? streams_table() : dynamodb_table();
    const std::string op =
        operation_of(req, streams ? "DynamoDBStreams_20120810" : "DynamoDB_20120810");
    req.ctx.operation = op;
    if (req.method != "POST") {
        throw errors::unknown_operation();
    }
    // As DynamoDB: the body must parse before the operation is looked up.
    json body;
    if (!req.body.empty()) {
        body = json::parse(req.body, nullptr, false);
        if (body.is_discarded()) {
            throw errors::serialization();
        }
    }
    auto it = table.find(op);
    if (it == table.end() || !model::has_operation(api_, op)) {
        throw errors::unknown_operation();
    }
    if (req.body.empty()) {
        throw errors::serialization();
    }
    if (!body.is_object()) {
        throw errors::serialization("Start of list found where not expected");
    }
    model::check_request(api_, op, body);
    if (!streams) {
        auto now = context_->clock.now_millis();
        auto last = context_->last_ttl_sweep_ms.load();
        if (now - last >= lazy_ttl_sweep_interval_ms &&
            context_->last_ttl_sweep_ms.compare_exchange_strong(last, now)) {
            ops::sweep_expired_items(*context_);
        }
    }
    ddb_call call{*context_, req, body, std::nullopt, std::nullopt};
    json result = it->second(call);
    std::string text = result.dump(-1, ' ', false, json::error_handler_t::replace);
    // Stored item texts passed through unparsed go first in the object ("{...}").
    std::string spliced = call.raw_items  ? "\"Items\":[" + *call.raw_items + "]"
                          : call.raw_item ? "\"Item\":" + *call.raw_item
                                          : std::string();
    if (!spliced.empty()) {
        text = "{" + spliced + (text.size() > 2 ? "," + text.substr(1) : "}");
    }
    return json_response(200, std::move(text), req);
}

service::response dynamodb_service::render_error(const core::aws_error& error,
                                                 const service::request& req) const {
    std::string code = error.code;
    int status = error.http_status;
    if (code == "EntityTooLarge") { // the transport's body limit
        code = "ValidationException";
        status = 400;
    }
    if (code == "InternalError") {
        code = "InternalServerError";
    }
    json body{{"__type", errors::type_prefix(code) + code}};
    if (!error.message.empty() || code != "SerializationException") {
        // DynamoDB spells it "Message" for SerializationException and for a
        // ConditionalCheckFailedException that carries the Item (recorded AWS answers).
        bool has_item = std::any_of(error.fields.begin(), error.fields.end(),
                                    [](const auto& field) { return field.first == "Item"; });
        bool capital = code == "SerializationException" ||
                       (code == "ConditionalCheckFailedException" && has_item);
        if (!error.message.empty()) {
            body[capital ? "Message" : "message"] = error.message;
        }
    }
    // Extra members (Item, CancellationReasons) travel as JSON text in fields.
    for (const auto& [name, value] : error.fields) {
        body[name] = json::parse(value, nullptr, false);
    }
    auto r = json_response(status, body.dump(-1, ' ', false, json::error_handler_t::replace), req);
    for (const auto& [name, value] : error.headers) {
        r.headers.set(name, value);
    }
    return r;
}

void dynamodb_service::reset() {
    if (api_ == "dynamodb") {
        context_->store.reset();
    }
}

std::optional<service::response> dynamodb_service::control(service::request& req) {
    if (api_ != "dynamodb" || req.method != "POST" ||
        req.raw_path != "/_cloudbox/dynamodb/ttl-sweep") {
        return std::nullopt;
    }
    auto deleted = ops::sweep_expired_items(*context_);
    service::response r;
    r.headers.set("content-type", "application/json");
    r.body = json{{"deleted", deleted}}.dump();
    return r;
}

void dynamodb_service::set_stream_listener(std::function<void()> listener) {
    context_->store.set_stream_listener(std::move(listener));
}

std::pair<std::unique_ptr<dynamodb_service>, std::unique_ptr<dynamodb_service>>
make_dynamodb_services(dynamodb_options options, core::clock& clock) {
    if (!options.in_memory) {
        std::filesystem::create_directories(options.root);
    }
    auto context = std::make_shared<ddb_context>(std::move(options), clock);
    return {std::make_unique<dynamodb_service>(context, "dynamodb"),
            std::make_unique<dynamodb_service>(context, "dynamodbstreams")};
}

} // namespace cloudbox::services::dynamodb
