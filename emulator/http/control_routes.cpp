// The /_cloudbox/* control API.
#include "http/control_routes.hpp"

#include "core/time_format.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::http {

using nlohmann::json;

namespace {

service::response json_response(int status, const json& body) {
    service::response r;
    r.status = status;
    r.headers.set("content-type", "application/json");
    r.body = body.dump();
    return r;
}

service::response json_error(int status, std::string message) {
    return json_response(status, json{{"error", std::move(message)}});
}

} // namespace

control_routes::control_routes(service::dispatcher& dispatcher, const core::config& config,
                               events::event_bus& bus, events::scheduler& scheduler)
    : dispatcher_(dispatcher), config_(config), bus_(bus), scheduler_(scheduler),
      started_(std::chrono::steady_clock::now()) {}

bool control_routes::matches(std::string_view raw_path) {
    return raw_path.starts_with("/_cloudbox/") || raw_path == "/_cloudbox" ||
           raw_path.starts_with("/_localstack/") || raw_path.starts_with("/_aws/");
}

service::response control_routes::handle(service::request& req) {
    req.ctx.service = "cloudbox";
    const std::string& path = req.raw_path;
    if ((path == "/_cloudbox/health" || path == "/_localstack/health") &&
        (req.method == "GET" || req.method == "HEAD")) {
        req.ctx.operation = "Health";
        return health(path == "/_localstack/health");
    }
    if (path == "/_cloudbox/reset" && req.method == "POST") {
        req.ctx.operation = "Reset";
        return reset(req);
    }
    if (path == "/_cloudbox/clock" && (req.method == "GET" || req.method == "POST")) {
        req.ctx.operation = "Clock";
        return clock(req);
    }
    if (path == "/_cloudbox/events/drain" && req.method == "POST") {
        req.ctx.operation = "DrainEvents";
        return drain_events();
    }
    for (const auto& svc : dispatcher_.services().all()) {
        if (auto r = svc->control(req)) {
            return std::move(*r);
        }
    }
    return json_error(404, "no control route " + req.method + " " + path);
}

service::response control_routes::health(bool localstack_shape) const {
    json services = json::object();
    for (const auto& svc : dispatcher_.services().all()) {
        services[std::string(svc->name())] = localstack_shape ? "available" : "running";
    }
    auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::steady_clock::now() - started_)
                      .count();
    if (localstack_shape) {
        return json_response(200, json{{"services", services},
                                       {"edition", "community"},
                                       {"version", "cloudbox-" CLOUDBOX_VERSION}});
    }
    return json_response(200, json{{"status", "running"},
                                   {"services", services},
                                   {"version", CLOUDBOX_VERSION},
                                   {"uptime_seconds", uptime},
                                   {"in_memory", config_.in_memory},
                                   {"region", config_.region}});
}

// POST /_cloudbox/reset            resets every service
// POST /_cloudbox/reset?service=s3 (or body {"service": "s3"}) resets one
service::response control_routes::reset(const service::request& req) {
    std::string only(req.query.get("service").value_or(""));
    if (only.empty() && !req.body.empty()) {
        auto body = json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
            return json_error(400, "body must be a JSON object");
        }
        only = body.value("service", "");
    }
    json reset_list = json::array();
    for (const auto& svc : dispatcher_.services().all()) {
        if (only.empty() || svc->name() == only) {
            svc->reset();
            reset_list.push_back(std::string(svc->name()));
        }
    }
    if (!only.empty() && reset_list.empty()) {
        return json_error(404, "unknown service " + only);
    }
    return json_response(200, json{{"reset", reset_list}});
}

// GET returns {"now", "frozen"}; POST takes {"freeze": bool}, {"set": ISO 8601} or
// {"advance_seconds": N} (any combination, applied in that order).
service::response control_routes::clock(service::request& req) {
    core::clock& clk = dispatcher_.clock();
    if (req.method == "POST") {
        auto body = json::parse(req.body.empty() ? std::string("{}") : req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
            return json_error(400, "body must be a JSON object");
        }
        if (body.contains("freeze")) {
            if (!body["freeze"].is_boolean()) {
                return json_error(400, "freeze must be a boolean");
            }
            body["freeze"].get<bool>() ? clk.freeze() : clk.unfreeze();
        }
        if (body.contains("set")) {
            auto t = body["set"].is_string() ? core::parse_iso8601(body["set"].get<std::string>())
                                             : std::nullopt;
            if (!t) {
                return json_error(400,
                                  "set must be an ISO 8601 UTC time like 2026-01-01T00:00:00Z");
            }
            clk.set(*t);
        }
        if (body.contains("advance_seconds")) {
            if (!body["advance_seconds"].is_number()) {
                return json_error(400, "advance_seconds must be a number");
            }
            auto ms = static_cast<long long>(body["advance_seconds"].get<double>() * 1000.0);
            clk.advance(std::chrono::milliseconds(ms));
        }
        // What the move made due fires now, on this thread: with --sync-events its deliveries
        // are done before this answers.
        scheduler_.run_due();
    }
    return json_response(
        200, json{{"now", core::format_iso8601_millis(clk.now())}, {"frozen", clk.frozen()}});
}

// Returns once every event due at the clock's current time has been delivered: due timers fired,
// the bus's queue empty, and the drain hooks (Lambda's async queue, event-source pollers) idle.
service::response control_routes::drain_events() {
    auto fired = scheduler_.run_due();
    bus_.drain();
    return json_response(200, json{{"drained", true}, {"timers_fired", fired}});
}

} // namespace cloudbox::http
