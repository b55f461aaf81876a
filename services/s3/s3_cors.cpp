// S3 bucket CORS: configuration documents and rule matching.
#include "s3/s3_cors.hpp"

#include "core/encoding.hpp"
#include "protocol/xml.hpp"
#include "s3/s3_errors.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_store.hpp"
#include "s3/s3_text.hpp"
#include "s3/s3_validation.hpp"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

namespace cloudbox::services::s3 {

namespace {

constexpr std::size_t max_cors_rules = 100;

std::vector<std::string> texts_of(const protocol::xml_node& node, std::string_view name) {
    std::vector<std::string> out;
    for (const auto* c : node.children_named(name)) {
        out.push_back(c->text);
    }
    return out;
}

void check_one_wildcard(const std::vector<std::string>& values, const char* element) {
    for (const auto& v : values) {
        if (std::count(v.begin(), v.end(), '*') > 1) {
            throw errors::cors_too_many_wildcards(element, v);
        }
    }
}

// Glob with at most one '*' (any run of characters); case-insensitive for header names.
bool wildcard_match(std::string_view pattern, std::string_view value, bool ignore_case) {
    auto eq = [&](std::string_view a, std::string_view b) {
        return ignore_case ? core::iequals(a, b) : a == b;
    };
    auto star = pattern.find('*');
    if (star == std::string_view::npos) {
        return eq(pattern, value);
    }
    auto head = pattern.substr(0, star);
    auto tail = pattern.substr(star + 1);
    return value.size() >= head.size() + tail.size() && eq(value.substr(0, head.size()), head) &&
           eq(value.substr(value.size() - tail.size()), tail);
}

// The names of Access-Control-Request-Headers, trimmed, empty entries dropped.
std::vector<std::string_view> split_headers(std::string_view list) {
    std::vector<std::string_view> out;
    for (std::string_view raw : split_list(list)) {
        if (auto item = trim_blanks(raw); !item.empty()) {
            out.push_back(item);
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        out += out.empty() ? i : ", " + i;
    }
    return out;
}

} // namespace

cors_configuration parse_cors_xml(std::string_view body) {
    auto doc = parse_body_xml(body);
    if (doc.name != "CORSConfiguration") {
        throw errors::malformed_xml();
    }
    auto rules = doc.children_named("CORSRule");
    if (rules.empty() || rules.size() > max_cors_rules) {
        throw errors::malformed_xml();
    }
    cors_configuration config;
    for (const auto* node : rules) {
        cors_rule rule;
        rule.id = node->child_text("ID");
        rule.allowed_headers = texts_of(*node, "AllowedHeader");
        rule.allowed_methods = texts_of(*node, "AllowedMethod");
        rule.allowed_origins = texts_of(*node, "AllowedOrigin");
        rule.expose_headers = texts_of(*node, "ExposeHeader");
        if (auto age = node->child_text("MaxAgeSeconds")) {
            long long v = 0;
            auto [ptr, ec] = std::from_chars(age->data(), age->data() + age->size(), v);
            if (age->empty() || ec != std::errc{} || ptr != age->data() + age->size()) {
                throw errors::malformed_xml();
            }
            rule.max_age_seconds = v;
        }
        if (rule.allowed_methods.empty() || rule.allowed_origins.empty()) {
            throw errors::malformed_xml();
        }
        for (const auto& m : rule.allowed_methods) {
            if (m != "GET" && m != "PUT" && m != "HEAD" && m != "POST" && m != "DELETE") {
                throw errors::unsupported_cors_method(m);
            }
        }
        check_one_wildcard(rule.allowed_origins, "AllowedOrigin");
        check_one_wildcard(rule.allowed_headers, "AllowedHeader");
        for (const auto& h : rule.expose_headers) {
            if (h.find('*') != std::string::npos) {
                throw errors::cors_expose_header_wildcard(h);
            }
        }
        config.rules.push_back(std::move(rule));
    }
    return config;
}

std::string cors_to_xml(const cors_configuration& config) {
    protocol::xml_writer w;
    w.open("CORSConfiguration", s3_xmlns);
    for (const auto& r : config.rules) {
        w.open("CORSRule");
        if (r.id) {
            w.element("ID", *r.id);
        }
        for (const auto& h : r.allowed_headers) {
            w.element("AllowedHeader", h);
        }
        for (const auto& m : r.allowed_methods) {
            w.element("AllowedMethod", m);
        }
        for (const auto& o : r.allowed_origins) {
            w.element("AllowedOrigin", o);
        }
        for (const auto& h : r.expose_headers) {
            w.element("ExposeHeader", h);
        }
        if (r.max_age_seconds) {
            w.element("MaxAgeSeconds", *r.max_age_seconds);
        }
        w.close();
    }
    w.close();
    return std::move(w).str();
}

std::string cors_to_json(const cors_configuration& config) {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& r : config.rules) {
        nlohmann::json j{{"allowed_headers", r.allowed_headers},
                         {"allowed_methods", r.allowed_methods},
                         {"allowed_origins", r.allowed_origins},
                         {"expose_headers", r.expose_headers}};
        if (r.id) {
            j["id"] = *r.id;
        }
        if (r.max_age_seconds) {
            j["max_age_seconds"] = *r.max_age_seconds;
        }
        rules.push_back(std::move(j));
    }
    return nlohmann::json{{"rules", rules}}.dump();
}

cors_configuration cors_from_json(std::string_view text) {
    cors_configuration config;
    auto doc = nlohmann::json::parse(text);
    for (const auto& j : doc.at("rules")) {
        cors_rule r;
        if (j.contains("id")) {
            r.id = j["id"].get<std::string>();
        }
        r.allowed_headers = j.value("allowed_headers", std::vector<std::string>{});
        r.allowed_methods = j.value("allowed_methods", std::vector<std::string>{});
        r.allowed_origins = j.value("allowed_origins", std::vector<std::string>{});
        r.expose_headers = j.value("expose_headers", std::vector<std::string>{});
        if (j.contains("max_age_seconds")) {
            r.max_age_seconds = j["max_age_seconds"].get<long long>();
        }
        config.rules.push_back(std::move(r));
    }
    return config;
}

const cors_rule* match_cors_rule(const cors_configuration& config, std::string_view origin,
                                 std::string_view method, std::string_view request_headers) {
    auto requested = split_headers(request_headers);
    for (const auto& rule : config.rules) {
        if (std::find(rule.allowed_methods.begin(), rule.allowed_methods.end(), method) ==
            rule.allowed_methods.end()) {
            continue;
        }
        bool origin_ok = std::any_of(
            rule.allowed_origins.begin(), rule.allowed_origins.end(),
            [&](const std::string& allowed) { return wildcard_match(allowed, origin, false); });
        if (!origin_ok) {
            continue;
        }
        bool headers_ok = std::all_of(requested.begin(), requested.end(), [&](auto header) {
            return std::any_of(
                rule.allowed_headers.begin(), rule.allowed_headers.end(),
                [&](const std::string& allowed) { return wildcard_match(allowed, header, true); });
        });
        if (headers_ok) {
            return &rule;
        }
    }
    return nullptr;
}

void add_cors_headers(service::header_map& headers, const cors_rule& rule, std::string_view origin,
                      std::string_view request_headers) {
    bool any_origin = std::find(rule.allowed_origins.begin(), rule.allowed_origins.end(), "*") !=
                      rule.allowed_origins.end();
    headers.set("access-control-allow-origin", any_origin ? "*" : std::string(origin));
    if (!any_origin) {
        headers.set("access-control-allow-credentials", "true");
    }
    headers.set("vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    headers.set("access-control-allow-methods", join(rule.allowed_methods));
    auto requested = split_headers(request_headers);
    if (!requested.empty()) {
        std::vector<std::string> lowered;
        for (auto h : requested) {
            lowered.push_back(core::to_lower(h));
        }
        headers.set("access-control-allow-headers", join(lowered));
    }
    if (!rule.expose_headers.empty()) {
        headers.set("access-control-expose-headers", join(rule.expose_headers));
    }
    if (rule.max_age_seconds) {
        headers.set("access-control-max-age", std::to_string(*rule.max_age_seconds));
    }
}

void add_bucket_cors_headers(s3_store& store, const std::string& bucket,
                             const service::request& req, service::response& res) {
    auto origin = req.headers.get("origin");
    if (!origin) {
        return;
    }
    auto stored = store.get_bucket_config(bucket, "cors");
    if (!stored) {
        return;
    }
    auto config = cors_from_json(*stored);
    auto method = req.headers.get("access-control-request-method").value_or(req.method);
    auto requested = req.headers.get("access-control-request-headers").value_or("");
    if (const cors_rule* rule = match_cors_rule(config, *origin, method, requested)) {
        add_cors_headers(res.headers, *rule, *origin, requested);
    }
}

} // namespace cloudbox::services::s3
