// S3 bucket event notification configuration: model, validation, XML and JSON forms.
#include "s3/s3_notification.hpp"

#include "core/encoding.hpp"
#include "protocol/xml.hpp"
#include "s3/s3_errors.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_validation.hpp"

#include <array>

#include <nlohmann/json.hpp>

namespace cloudbox::services::s3 {

namespace {

// The event names S3 accepts (botocore's Event enum).
constexpr std::array<std::string_view, 27> notification_events{
    "s3:ReducedRedundancyLostObject",
    "s3:ObjectCreated:*",
    "s3:ObjectCreated:Put",
    "s3:ObjectCreated:Post",
    "s3:ObjectCreated:Copy",
    "s3:ObjectCreated:CompleteMultipartUpload",
    "s3:ObjectRemoved:*",
    "s3:ObjectRemoved:Delete",
    "s3:ObjectRemoved:DeleteMarkerCreated",
    "s3:ObjectRestore:*",
    "s3:ObjectRestore:Post",
    "s3:ObjectRestore:Completed",
    "s3:ObjectRestore:Delete",
    "s3:Replication:*",
    "s3:Replication:OperationFailedReplication",
    "s3:Replication:OperationNotTracked",
    "s3:Replication:OperationMissedThreshold",
    "s3:Replication:OperationReplicatedAfterThreshold",
    "s3:LifecycleTransition",
    "s3:IntelligentTiering",
    "s3:ObjectAcl:Put",
    "s3:LifecycleExpiration:*",
    "s3:LifecycleExpiration:Delete",
    "s3:LifecycleExpiration:DeleteMarkerCreated",
    "s3:ObjectTagging:*",
    "s3:ObjectTagging:Put",
    "s3:ObjectTagging:Delete",
};

constexpr std::size_t max_filter_value = 1024;

struct kind_names {
    notification_kind kind;
    std::string_view element;  // TopicConfiguration
    std::string_view arn;      // Topic
    std::string_view service;  // arn:aws:sns:
    std::string_view json;     // topic
    std::string_view argument; // ArgumentName of a malformed ARN
};

constexpr std::array<kind_names, 3> kinds{{
    {notification_kind::topic, "TopicConfiguration", "Topic", "arn:aws:sns:", "topic", "TopicArn"},
    {notification_kind::queue, "QueueConfiguration", "Queue", "arn:aws:sqs:", "queue", "QueueArn"},
    {notification_kind::lambda, "CloudFunctionConfiguration", "CloudFunction",
     "arn:aws:lambda:", "lambda", "LambdaFunctionArn"},
}};

const kind_names& names_of(notification_kind kind) {
    for (const auto& k : kinds) {
        if (k.kind == kind) {
            return k;
        }
    }
    return kinds[0];
}

// "s3:ObjectCreated:*" covers "s3:ObjectCreated:Put"; equal names cover each other.
bool event_covers(std::string_view pattern, std::string_view event) {
    if (pattern == event) {
        return true;
    }
    if (pattern.ends_with(":*")) {
        return event.starts_with(pattern.substr(0, pattern.size() - 1));
    }
    return false;
}

bool events_overlap(std::string_view a, std::string_view b) {
    return event_covers(a, b) || event_covers(b, a);
}

// Two key filters overlap when some key passes both: their prefixes are prefixes of one another
// and their suffixes are suffixes of one another (an absent rule is "").
bool filters_overlap(const notification_target& a, const notification_target& b) {
    auto pa = a.prefix();
    auto pb = b.prefix();
    auto sa = a.suffix();
    auto sb = b.suffix();
    bool prefixes = pa.starts_with(pb) || pb.starts_with(pa);
    bool suffixes = sa.ends_with(sb) || sb.ends_with(sa);
    return prefixes && suffixes;
}

std::vector<notification_filter_rule> parse_filter(const protocol::xml_node& config) {
    std::vector<notification_filter_rule> rules;
    const auto* filter = config.child("Filter");
    if (filter == nullptr) {
        return rules;
    }
    const auto* key = filter->child("S3Key");
    if (key == nullptr) {
        return rules;
    }
    bool seen_prefix = false;
    bool seen_suffix = false;
    for (const auto* node : key->children_named("FilterRule")) {
        auto name = node->child_text("Name").value_or("");
        auto value = node->child_text("Value").value_or("");
        auto lower = core::to_lower(name);
        if (lower != "prefix" && lower != "suffix") {
            throw errors::invalid_filter_rule_name(name, value);
        }
        bool& seen = lower == "prefix" ? seen_prefix : seen_suffix;
        if (seen) {
            throw errors::duplicate_filter_rule(lower, value);
        }
        seen = true;
        if (value.empty()) {
            throw errors::filter_value_empty(name);
        }
        if (value.size() > max_filter_value) {
            throw errors::filter_value_too_long(value);
        }
        // S3 reports the rule names capitalised whatever case they were sent in.
        rules.push_back({lower == "prefix" ? "Prefix" : "Suffix", std::move(value)});
    }
    return rules;
}

std::string_view rule_value(const std::vector<notification_filter_rule>& rules,
                            std::string_view name) {
    for (const auto& r : rules) {
        if (r.name == name) {
            return r.value;
        }
    }
    return {};
}

} // namespace

std::string notification_target::prefix() const {
    return std::string(rule_value(filter, "Prefix"));
}

std::string notification_target::suffix() const {
    return std::string(rule_value(filter, "Suffix"));
}

bool notification_target::matches(std::string_view event, std::string_view key) const {
    bool event_ok = false;
    for (const auto& e : events) {
        event_ok = event_ok || event_covers(e, event);
    }
    return event_ok && key.starts_with(rule_value(filter, "Prefix")) &&
           key.ends_with(rule_value(filter, "Suffix"));
}

std::vector<const notification_target*>
notification_configuration::targets_for(std::string_view event, std::string_view key) const {
    std::vector<const notification_target*> out;
    for (const auto& t : targets) {
        if (t.matches(event, key)) {
            out.push_back(&t);
        }
    }
    return out;
}

bool valid_notification_event(std::string_view event) {
    for (auto e : notification_events) {
        if (e == event) {
            return true;
        }
    }
    return false;
}

notification_configuration parse_notification_xml(std::string_view body,
                                                  const std::function<std::string()>& new_id) {
    auto doc = parse_body_xml(body);
    if (doc.name != "NotificationConfiguration") {
        throw errors::malformed_xml();
    }
    notification_configuration config;
    for (const auto& k : kinds) {
        for (const auto* node : doc.children_named(k.element)) {
            notification_target t;
            t.kind = k.kind;
            t.id = node->child_text("Id").value_or("");
            auto arn = node->child_text(k.arn);
            auto events = node->children_named("Event");
            if (!arn || events.empty()) {
                throw errors::malformed_xml();
            }
            for (const auto* e : events) {
                if (!valid_notification_event(e->text)) {
                    throw errors::unsupported_notification_event(e->text);
                }
                t.events.push_back(e->text);
            }
            t.filter = parse_filter(*node);
            if (!arn->starts_with(k.service)) {
                throw errors::malformed_notification_arn(std::string(k.argument), *arn);
            }
            t.arn = std::move(*arn);
            if (t.id.empty()) {
                t.id = new_id();
            }
            config.targets.push_back(std::move(t));
        }
    }
    config.event_bridge = doc.child("EventBridgeConfiguration") != nullptr;
    // Two configurations (of any destination) may not both receive one event for one key.
    for (std::size_t i = 0; i < config.targets.size(); ++i) {
        for (std::size_t j = i + 1; j < config.targets.size(); ++j) {
            const auto& a = config.targets[i];
            const auto& b = config.targets[j];
            if (!filters_overlap(a, b)) {
                continue;
            }
            for (const auto& ea : a.events) {
                for (const auto& eb : b.events) {
                    if (events_overlap(ea, eb)) {
                        throw errors::overlapping_notification_configurations(eb);
                    }
                }
            }
        }
    }
    return config;
}

std::string notification_to_xml(const notification_configuration& config) {
    protocol::xml_writer w;
    w.open("NotificationConfiguration", s3_xmlns);
    for (const auto& k : kinds) {
        for (const auto& t : config.targets) {
            if (t.kind != k.kind) {
                continue;
            }
            w.open(k.element).element("Id", t.id).element(k.arn, t.arn);
            for (const auto& e : t.events) {
                w.element("Event", e);
            }
            if (!t.filter.empty()) {
                w.open("Filter").open("S3Key");
                for (const auto& r : t.filter) {
                    w.open("FilterRule").element("Name", r.name).element("Value", r.value).close();
                }
                w.close().close();
            }
            w.close();
        }
    }
    if (config.event_bridge) {
        w.open("EventBridgeConfiguration").close();
    }
    w.close();
    return std::move(w).str();
}

std::string notification_to_json(const notification_configuration& config) {
    nlohmann::json targets = nlohmann::json::array();
    for (const auto& t : config.targets) {
        nlohmann::json filter = nlohmann::json::array();
        for (const auto& r : t.filter) {
            filter.push_back({{"name", r.name}, {"value", r.value}});
        }
        targets.push_back({{"kind", names_of(t.kind).json},
                           {"id", t.id},
                           {"arn", t.arn},
                           {"events", t.events},
                           {"filter", filter}});
    }
    return nlohmann::json{
        {"version", 1}, {"event_bridge", config.event_bridge}, {"targets", targets}}
        .dump();
}

notification_configuration notification_from_json(std::string_view text) {
    notification_configuration config;
    auto doc = nlohmann::json::parse(text);
    config.event_bridge = doc.value("event_bridge", false);
    for (const auto& j : doc.value("targets", nlohmann::json::array())) {
        notification_target t;
        auto kind = j.at("kind").get<std::string>();
        for (const auto& k : kinds) {
            if (k.json == kind) {
                t.kind = k.kind;
            }
        }
        t.id = j.value("id", "");
        t.arn = j.value("arn", "");
        t.events = j.value("events", std::vector<std::string>{});
        for (const auto& r : j.value("filter", nlohmann::json::array())) {
            t.filter.push_back({r.at("name").get<std::string>(), r.at("value").get<std::string>()});
        }
        config.targets.push_back(std::move(t));
    }
    return config;
}

} // namespace cloudbox::services::s3
