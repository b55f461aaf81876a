// Target payloads: Input, InputPath, InputTransformer.
#include "eventbridge/events_targets.hpp"

namespace cloudbox::services::eventbridge {

using nlohmann::json;

std::optional<json> select_json_path(const json& doc, const std::string& path) {
    if (path.empty() || path[0] != '$') {
        return std::nullopt;
    }
    const json* node = &doc;
    std::size_t i = 1;
    while (i < path.size()) {
        if (path[i] == '.') {
            std::size_t end = path.find_first_of(".[", i + 1);
            std::string key = path.substr(i + 1, end == std::string::npos ? end : end - i - 1);
            if (key.empty() || !node->is_object() || !node->contains(key)) {
                return std::nullopt;
            }
            node = &(*node)[key];
            i = end == std::string::npos ? path.size() : end;
        } else if (path[i] == '[') {
            std::size_t end = path.find(']', i);
            if (end == std::string::npos || !node->is_array()) {
                return std::nullopt;
            }
            std::size_t index = 0;
            try {
                index = std::stoul(path.substr(i + 1, end - i - 1));
            } catch (const std::exception&) {
                return std::nullopt;
            }
            if (index >= node->size()) {
                return std::nullopt;
            }
            node = &(*node)[index];
            i = end + 1;
        } else {
            return std::nullopt;
        }
    }
    return *node;
}

namespace {

// <name> placeholders of an InputTemplate: strings are inserted without their quotes (the
// template quotes them where it wants a JSON string), other values as JSON.
std::string fill_template(const std::string& tmpl, const json& paths_map, const json& event) {
    std::string out;
    std::size_t i = 0;
    while (i < tmpl.size()) {
        std::size_t open = tmpl.find('<', i);
        std::size_t close = open == std::string::npos ? open : tmpl.find('>', open);
        if (close == std::string::npos) {
            out += tmpl.substr(i);
            break;
        }
        std::string name = tmpl.substr(open + 1, close - open - 1);
        out += tmpl.substr(i, open - i);
        std::optional<json> value;
        if (name == "aws.events.event.json") {
            value = event;
        } else if (name == "aws.events.rule-arn" && event.contains("resources") &&
                   !event["resources"].empty()) {
            value = event["resources"][0];
        } else if (paths_map.is_object() && paths_map.contains(name) &&
                   paths_map[name].is_string()) {
            value = select_json_path(event, paths_map[name].get<std::string>());
            if (!value) {
                value = json(nullptr);
            }
        }
        if (!value) {
            out += tmpl.substr(open, close - open + 1); // not a placeholder: kept as written
        } else if (value->is_string()) {
            out += value->get<std::string>();
        } else {
            out += value->dump();
        }
        i = close + 1;
    }
    return out;
}

} // namespace

std::string target_payload(const target_record& target, const json& event) {
    json spec = json::parse(target.spec, nullptr, false);
    if (spec.is_object()) {
        if (spec.contains("Input") && spec["Input"].is_string()) {
            return spec["Input"].get<std::string>();
        }
        if (spec.contains("InputPath") && spec["InputPath"].is_string()) {
            auto selected = select_json_path(event, spec["InputPath"].get<std::string>());
            return selected ? selected->dump() : "null";
        }
        if (spec.contains("InputTransformer") && spec["InputTransformer"].is_object()) {
            const json& t = spec["InputTransformer"];
            return fill_template(t.value("InputTemplate", ""),
                                 t.value("InputPathsMap", json::object()), event);
        }
    }
    return event.dump();
}

} // namespace cloudbox::services::eventbridge
