// The SQS service: one dispatch table serving both wire protocols.
#include "sqs/sqs_service.hpp"

#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"

#include <unordered_map>

namespace cloudbox::services::sqs {

namespace {

// The dispatch table, keyed by the exact AWS operation name.
const std::unordered_map<std::string_view, sqs_operation>& dispatch_table() {
    static const std::unordered_map<std::string_view, sqs_operation> table{
        {"CreateQueue", ops::create_queue},
        {"GetQueueUrl", ops::get_queue_url},
        {"ListQueues", ops::list_queues},
        {"DeleteQueue", ops::delete_queue},
        {"GetQueueAttributes", ops::get_queue_attributes},
        {"SetQueueAttributes", ops::set_queue_attributes},
        {"PurgeQueue", ops::purge_queue},
        {"TagQueue", ops::tag_queue},
        {"UntagQueue", ops::untag_queue},
        {"ListQueueTags", ops::list_queue_tags},
        {"AddPermission", ops::add_permission},
        {"RemovePermission", ops::remove_permission},
        {"ListDeadLetterSourceQueues", ops::list_dead_letter_source_queues},
        {"StartMessageMoveTask", ops::start_message_move_task},
        {"ListMessageMoveTasks", ops::list_message_move_tasks},
        {"CancelMessageMoveTask", ops::cancel_message_move_task},
        {"SendMessage", ops::send_message},
        {"SendMessageBatch", ops::send_message_batch},
        {"ReceiveMessage", ops::receive_message},
        {"DeleteMessage", ops::delete_message},
        {"DeleteMessageBatch", ops::delete_message_batch},
        {"ChangeMessageVisibility", ops::change_message_visibility},
        {"ChangeMessageVisibilityBatch", ops::change_message_visibility_batch},
    };
    return table;
}

// A SendMessageBatch of ten 1 MiB messages plus encoding overhead (base64 attributes, JSON
// escaping) fits; AWS's own batch limit is checked by the operation.
constexpr std::uint64_t max_body = 16ULL * 1024 * 1024;

} // namespace

std::optional<std::pair<std::string, std::string>> parse_queue_url(std::string_view url) {
    auto scheme = url.find("://");
    if (scheme != std::string_view::npos) {
        url.remove_prefix(scheme + 3);
    }
    auto slash = url.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    url.remove_prefix(slash + 1); // account/name
    auto sep = url.find('/');
    if (sep == std::string_view::npos || sep == 0 || sep + 1 >= url.size() ||
        url.find('/', sep + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    return std::make_pair(std::string(url.substr(0, sep)), std::string(url.substr(sep + 1)));
}

std::string sqs_call::queue_url(const queue_record& q) const {
    std::string host = req.host.empty() ? std::string("localhost:4566") : req.host;
    return "http://" + host + "/" + q.account + "/" + q.name;
}

live_queue& sqs_call::queue() {
    std::string url = in.required_string("QueueUrl");
    auto parts = parse_queue_url(url);
    live_queue* q = parts ? engine.find(parts->first, parts->second) : nullptr;
    if (q == nullptr) {
        throw errors::non_existent_queue();
    }
    return *q;
}

service::response sqs_call::respond(const nlohmann::json& output) const {
    return encode_output(in, output, req.ctx.request_id);
}

sqs_service::sqs_service(sqs_options options, core::clock& clock)
    : options_(std::move(options)), clock_(clock) {
    if (!options_.in_memory) {
        std::filesystem::create_directories(options_.root);
    }
    store_ = std::make_unique<sqs_store>(options_.in_memory ? ":memory:"
                                                            : (options_.root / "sqs.db").string());
    engine_ = std::make_unique<sqs_engine>(*store_, clock_, options_.default_region);
    // A clock change can make delayed or in-flight messages visible: waiting receives re-check.
    clock_listener_ = clock_.subscribe([this] { engine_->wake_all(); });
}

sqs_service::~sqs_service() {
    clock_.unsubscribe(clock_listener_);
}

service::body_plan sqs_service::plan_body(service::request& req) {
    service::body_plan plan;
    plan.max_buffered = max_body;
    (void)req;
    return plan;
}

service::response sqs_service::handle(service::request& req) {
    sqs_input in = decode_request(req);
    req.ctx.operation = in.action;
    const auto& table = dispatch_table();
    auto it = table.find(in.action);
    if (it == table.end()) {
        if (in.protocol == wire_protocol::json) {
            throw core::aws_error("UnknownOperationException", "")
                .with("__type", "com.amazon.coral.service#UnknownOperationException")
                .with("__no_query_header", "1");
        }
        throw errors::invalid_action(in.action);
    }
    sqs_call call{req, in, *engine_};
    return it->second(call);
}

service::response sqs_service::render_error(const core::aws_error& error,
                                            const service::request& req) const {
    return encode_error(detect_protocol(req), error, req.ctx.request_id);
}

void sqs_service::reset() {
    auto lock = engine_->lock();
    engine_->reset();
}

} // namespace cloudbox::services::sqs
