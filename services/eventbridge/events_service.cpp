// EventBridge: the dispatch table, JSON 1.1 framing, and schedules fired from the clock.
#include "eventbridge/events_service.hpp"

#include "core/ids.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "eventbridge/events_errors.hpp"
#include "eventbridge/events_targets.hpp"
#include "eventbridge/ops/ops.hpp"
#include "events/schedule_expression.hpp"
#include "protocol/error_render.hpp"

#include <unordered_map>

namespace cloudbox::services::eventbridge {

using nlohmann::json;

namespace {

constexpr std::string_view content_type = "application/x-amz-json-1.1";
constexpr std::string_view target_prefix = "AWSEvents.";
// PutEvents entries total at most 256 KiB; other inputs are far smaller.
constexpr std::uint64_t max_body = 1024 * 1024;

using op_fn = json (*)(events_call&);

const std::unordered_map<std::string_view, op_fn>& dispatch_table() {
    static const std::unordered_map<std::string_view, op_fn> table = {
        {"PutRule", ops::put_rule},
        {"DescribeRule", ops::describe_rule},
        {"ListRules", ops::list_rules},
        {"DeleteRule", ops::delete_rule},
        {"EnableRule", ops::enable_rule},
        {"DisableRule", ops::disable_rule},
        {"PutTargets", ops::put_targets},
        {"RemoveTargets", ops::remove_targets},
        {"ListTargetsByRule", ops::list_targets_by_rule},
    };
    return table;
}

std::string timer_key(const rule_record& r) {
    return "events|" + r.account + "|" + r.region + "|" + r.bus + "|" + r.name;
}

} // namespace

events_service::events_service(const std::filesystem::path& root, bool in_memory,
                               core::clock& clock, cloudbox::events::scheduler& scheduler,
                               cloudbox::events::event_bus& bus)
    : clock_(clock), scheduler_(scheduler), bus_(bus) {
    std::string path = ":memory:";
    if (!in_memory) {
        std::filesystem::create_directories(root);
        path = (root / "events.db").string();
    }
    store_ = std::make_unique<events_store>(path);
    for (const auto& rule : store_->all_rules()) {
        schedule(rule);
    }
}

events_service::~events_service() {
    for (const auto& rule : store_->all_rules()) {
        unschedule(rule);
    }
}

service::body_plan events_service::plan_body(service::request&) {
    return service::body_plan{max_body, nullptr};
}

service::response events_service::handle(service::request& req) {
    auto target = std::string(req.headers.get("x-amz-target").value_or(""));
    std::string op = target.starts_with(target_prefix) ? target.substr(target_prefix.size()) : "";
    req.ctx.operation = op;
    auto it = dispatch_table().find(op);
    if (req.method != "POST" || it == dispatch_table().end()) {
        throw errors::unknown_operation(op);
    }
    json input = req.body.empty() ? json::object() : json::parse(req.body, nullptr, false);
    if (input.is_discarded() || !input.is_object()) {
        throw errors::serialization("Start of structure or map found where not expected.");
    }
    events_call call{*this, req, input, req.ctx.account_id, req.ctx.region};
    json output = it->second(call);
    service::response res;
    res.headers.set("content-type", std::string(content_type));
    res.headers.set("x-amzn-requestid", req.ctx.request_id);
    res.body = output.dump();
    return res;
}

service::response events_service::render_error(const core::aws_error& error,
                                               const service::request& req) const {
    return protocol::render_json_error(error, req.ctx.request_id, "", content_type);
}

void events_service::reset() {
    for (const auto& rule : store_->all_rules()) {
        unschedule(rule);
    }
    store_->reset();
}

void events_service::set_delivery(deliver_fn deliver) {
    std::lock_guard lock(delivery_mutex_);
    deliver_ = std::move(deliver);
}

std::string events_service::rule_arn(const rule_record& r) {
    std::string path = r.bus == "default" ? r.name : r.bus + "/" + r.name;
    return "arn:aws:events:" + r.region + ":" + r.account + ":rule/" + path;
}

void events_service::schedule(const rule_record& rule) {
    auto expr = cloudbox::events::schedule_expression::parse(rule.schedule);
    if (rule.state != "ENABLED" || !expr) {
        unschedule(rule);
        return;
    }
    auto anchor = core::from_millis(rule.anchor_ms);
    auto next = expr->next_after(clock_.now(), anchor);
    if (!next) {
        unschedule(rule);
        return;
    }
    scheduler_.arm(timer_key(rule), *next,
                   [this, rule](core::clock::time_point due) { fire(rule, due); });
}

void events_service::unschedule(const rule_record& rule) {
    scheduler_.disarm(timer_key(rule));
}

// One occurrence: the rule as it is now (it may have changed since it was armed), AWS's
// scheduled event to each target, then the next occurrence after this one.
void events_service::fire(const rule_record& armed, core::clock::time_point due) {
    auto rule = store_->get_rule(armed.account, armed.region, armed.bus, armed.name);
    if (!rule || rule->state != "ENABLED" || rule->schedule != armed.schedule) {
        return;
    }
    json event = {{"version", "0"},
                  {"id", core::new_uuid()},
                  {"detail-type", "Scheduled Event"},
                  {"source", "aws.events"},
                  {"account", rule->account},
                  {"time", core::format_iso8601(due)},
                  {"region", rule->region},
                  {"resources", json::array({rule_arn(*rule)})},
                  {"detail", json::object()}};
    deliver_fn deliver;
    {
        std::lock_guard lock(delivery_mutex_);
        deliver = deliver_;
    }
    for (const auto& target : store_->targets(*rule)) {
        std::string payload = target_payload(target, event);
        std::string what = "schedule " + rule->name + " -> " + target.arn;
        if (!deliver) {
            core::log_warn(what + ": no delivery wired, event dropped");
            continue;
        }
        bus_.post(what, [deliver, arn = target.arn, payload] { deliver(arn, payload); });
    }
    auto expr = cloudbox::events::schedule_expression::parse(rule->schedule);
    if (auto next =
            expr ? expr->next_after(due, core::from_millis(rule->anchor_ms)) : std::nullopt) {
        scheduler_.arm(timer_key(*rule), *next,
                       [this, r = *rule](core::clock::time_point d) { fire(r, d); });
    }
}

} // namespace cloudbox::services::eventbridge
