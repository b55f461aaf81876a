// The poller's thread, its passes, and the shared pieces (ARNs, invoking, failure destinations).
#include "lambda_sources/event_source_poller.hpp"

#include "core/arn.hpp"
#include "core/encoding.hpp"
#include "core/ids.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "service/internal_client.hpp"

#include <set>

namespace cloudbox::services::lambda_sources {

event_source_poller::event_source_poller(service::dispatcher& dispatcher, core::clock& clock,
                                         mapping_list_fn mappings,
                                         std::chrono::milliseconds idle_interval)
    : dispatcher_(dispatcher), clock_(clock), mappings_(std::move(mappings)),
      idle_interval_(idle_interval) {}

event_source_poller::~event_source_poller() {
    stop();
}

void event_source_poller::set_queue_signals(queue_signals signals) {
    std::lock_guard lock(poll_mutex_);
    queue_signals_ = std::move(signals);
}

void event_source_poller::set_checkpoints(checkpoint_store checkpoints) {
    std::lock_guard lock(poll_mutex_);
    checkpoints_ = std::move(checkpoints);
}

void event_source_poller::start() {
    thread_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            std::size_t delivered = 0;
            try {
                delivered = poll_once();
            } catch (const std::exception& e) {
                core::log_error(std::string("event source poll failed: ") + e.what());
            }
            lock.lock();
            if (delivered == 0 && !woken_) {
                wake_cv_.wait_for(lock, idle_interval_, [this] { return stopping_ || woken_; });
            }
            woken_ = false;
        }
    });
}

void event_source_poller::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_cv_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
    unfollow_all_queues();
}

void event_source_poller::wake() {
    signalled_.store(true);
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_cv_.notify_all();
}

void event_source_poller::follow_queues(const std::vector<json>& mappings) {
    if (!queue_signals_.subscribe) {
        return;
    }
    std::set<std::string> followed;
    for (const auto& mapping : mappings) {
        std::string arn = mapping.value("EventSourceArn", "");
        if (mapping.value("State", "Enabled") != "Enabled" || !arn.starts_with("arn:aws:sqs:")) {
            continue;
        }
        std::string uuid = mapping.value("UUID", "");
        followed.insert(uuid);
        if (!queue_subscriptions_.contains(uuid)) {
            auto q = core::parse_arn(arn);
            queue_subscriptions_[uuid] =
                queue_signals_.subscribe(q.account, q.resource, [this] { wake(); });
        }
    }
    for (auto it = queue_subscriptions_.begin(); it != queue_subscriptions_.end();) {
        if (followed.contains(it->first)) {
            ++it;
            continue;
        }
        queue_signals_.unsubscribe(it->second);
        it = queue_subscriptions_.erase(it);
    }
}

void event_source_poller::unfollow_all_queues() {
    std::lock_guard lock(poll_mutex_);
    for (const auto& [uuid, id] : queue_subscriptions_) {
        queue_signals_.unsubscribe(id);
    }
    queue_subscriptions_.clear();
}

std::size_t event_source_poller::poll_once() {
    std::lock_guard lock(poll_mutex_);
    std::size_t delivered = 0;
    auto mappings = mappings_();
    follow_queues(mappings);
    for (const auto& mapping : mappings) {
        if (mapping.value("State", "Enabled") != "Enabled") {
            continue;
        }
        std::string arn = mapping.value("EventSourceArn", "");
        try {
            if (arn.starts_with("arn:aws:sqs:")) {
                delivered += poll_sqs(mapping);
            } else if (arn.starts_with("arn:aws:dynamodb:")) {
                delivered += poll_stream(mapping);
            }
        } catch (const std::exception& e) {
            // The queue or stream may be gone: AWS keeps the mapping and keeps trying.
            core::log_debug("event source " + arn + ": " + e.what());
        }
    }
    return delivered;
}

void event_source_poller::drain() {
    for (int pass = 0; pass < 10000 && poll_once() > 0; ++pass) {
    }
}

std::optional<json> event_source_poller::invoke(const json& mapping, const json& event) {
    auto fn = core::parse_arn(mapping.value("FunctionArn", ""));
    service::internal_client client(dispatcher_, {fn.account, fn.region});
    std::string path = "/2015-03-31/functions/" +
                       core::url_encode(mapping.value("FunctionArn", "")) + "/invocations";
    try {
        auto res = client.call_rest_json("lambda", "POST", path, event.dump(),
                                         {{"x-amz-invocation-type", "RequestResponse"}});
        if (res.headers.get("x-amz-function-error")) {
            return std::nullopt;
        }
        auto result = json::parse(res.body, nullptr, false);
        return result.is_discarded() ? json(nullptr) : result;
    } catch (const core::aws_error& e) {
        core::log_debug("event source invoke failed: " + e.code + ": " + e.message);
        return std::nullopt;
    }
}

void event_source_poller::send_to_failure_destination(const json& mapping, const json& info) {
    std::string destination;
    if (auto dc = mapping.find("DestinationConfig"); dc != mapping.end() && dc->is_object()) {
        destination = dc->value("OnFailure", json::object()).value("Destination", "");
    }
    if (destination.empty()) {
        return; // no destination: the batch is dropped, as AWS does
    }
    auto d = core::parse_arn(destination);
    service::internal_client client(dispatcher_, {d.account, d.region});
    if (d.service == "sqs") {
        client.call_json("sqs", "AmazonSQS.SendMessage",
                         {{"QueueUrl", "http://localhost/" + d.account + "/" + d.resource},
                          {"MessageBody", info.dump()}});
    }
}

} // namespace cloudbox::services::lambda_sources
