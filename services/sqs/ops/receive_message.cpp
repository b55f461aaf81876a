// ReceiveMessage: up to 10 messages made invisible for the visibility timeout. With
// WaitTimeSeconds it long-polls: the response is deferred (service::pending_response) and the
// queue wakes it on a send, so no thread waits.
#include "sqs/ops/ops.hpp"
#include "sqs/sqs_errors.hpp"
#include "sqs/sqs_messages.hpp"

namespace cloudbox::services::sqs::ops {

namespace {

struct receive_args {
    sqs_input in;
    std::string request_id;
    std::string account, queue_name;
    int max = 1;
    std::optional<int> visibility;
    std::set<std::string> attribute_names;
    std::vector<std::string> message_attribute_names;
    std::string attempt_id;
};

// One attempt: the messages, or nullopt when there are none and the caller may wait longer.
std::optional<service::response> attempt(sqs_engine& engine, const receive_args& a,
                                         const std::shared_ptr<service::pending_response>& self,
                                         bool final) {
    try {
        auto lock = engine.lock();
        auto* q = engine.find(a.account, a.queue_name);
        if (q == nullptr) {
            throw errors::non_existent_queue();
        }
        int visibility = a.visibility.value_or(q->int_attribute("VisibilityTimeout"));
        auto messages = engine.receive(*q, a.max, visibility, a.attempt_id);
        if (messages.empty() && !final && self) {
            engine.add_waiter(*q, self);
            self->set_recheck_at(engine.next_visible(*q));
            return std::nullopt;
        }
        nlohmann::json list = nlohmann::json::array();
        for (const auto* m : messages) {
            list.push_back(message_output(*q, *m, a.attribute_names, a.message_attribute_names,
                                          engine.region()));
        }
        nlohmann::json out = nlohmann::json::object();
        if (!list.empty()) {
            out["Messages"] = list;
        }
        return encode_output(a.in, out, a.request_id);
    } catch (const core::aws_error& e) {
        return encode_error(a.in.protocol, e, a.request_id);
    }
}

} // namespace

service::response receive_message(sqs_call& call) {
    auto args = std::make_shared<receive_args>();
    call.in.required_string("QueueUrl");
    auto max = call.in.integer("MaxNumberOfMessages");
    if (max && (*max < 1 || *max > 10)) {
        throw errors::invalid_value(std::to_string(*max), "MaxNumberOfMessages",
                                    "Must be between 1 and 10, if provided.");
    }
    auto visibility = call.in.integer("VisibilityTimeout");
    if (visibility && (*visibility < 0 || *visibility > 43200)) {
        throw errors::invalid_value(std::to_string(*visibility), "VisibilityTimeout",
                                    "Must be >= 0 and <= 43200, if provided.");
    }
    auto wait = call.in.integer("WaitTimeSeconds");
    if (wait && (*wait < 0 || *wait > 20)) {
        throw errors::invalid_value(std::to_string(*wait), "WaitTimeSeconds",
                                    "Must be >= 0 and <= 20, if provided.");
    }
    for (const char* list : {"AttributeNames", "MessageSystemAttributeNames"}) {
        for (auto& n : call.in.string_list(list)) {
            args->attribute_names.insert(n);
        }
    }
    args->message_attribute_names = call.in.string_list("MessageAttributeNames");
    args->max = static_cast<int>(max.value_or(1));
    if (visibility) {
        args->visibility = static_cast<int>(*visibility);
    }
    int wait_seconds = 0;
    {
        auto lock = call.engine.lock();
        auto& q = call.queue();
        args->account = q.rec.account;
        args->queue_name = q.rec.name;
        wait_seconds =
            static_cast<int>(wait.value_or(q.int_attribute("ReceiveMessageWaitTimeSeconds")));
        if (q.rec.fifo()) {
            args->attempt_id = call.in.string("ReceiveRequestAttemptId").value_or("");
        }
    }
    args->in = call.in;
    args->request_id = call.req.ctx.request_id;
    sqs_engine& engine = call.engine;
    if (wait_seconds == 0) {
        return *attempt(engine, *args, nullptr, true);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
    auto self = std::make_shared<std::weak_ptr<service::pending_response>>();
    auto pending =
        std::make_shared<service::pending_response>(deadline, [&engine, args, self](bool final) {
            return attempt(engine, *args, self->lock(), final);
        });
    *self = pending;
    service::response res;
    res.pending = std::move(pending);
    return res;
}

} // namespace cloudbox::services::sqs::ops
