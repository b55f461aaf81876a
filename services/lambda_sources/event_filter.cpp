// Event pattern matching for FilterCriteria.
#include "lambda_sources/event_filter.hpp"

namespace cloudbox::services::lambda_sources {

using nlohmann::json;

namespace {

bool numeric_matches(const json& spec, const json& value) {
    if (!value.is_number() || !spec.is_array()) {
        return false;
    }
    double v = value.get<double>();
    for (std::size_t i = 0; i + 1 < spec.size(); i += 2) {
        if (!spec[i].is_string() || !spec[i + 1].is_number()) {
            return false;
        }
        const std::string op = spec[i].get<std::string>();
        double bound = spec[i + 1].get<double>();
        bool ok = op == "="    ? v == bound
                  : op == "<"  ? v < bound
                  : op == "<=" ? v <= bound
                  : op == ">"  ? v > bound
                  : op == ">=" ? v >= bound
                               : false;
        if (!ok) {
            return false;
        }
    }
    return true;
}

// One element of a pattern's value list against one value (present).
bool matcher_matches(const json& matcher, const json& value) {
    if (!matcher.is_object()) {
        return matcher == value;
    }
    if (auto it = matcher.find("prefix"); it != matcher.end()) {
        return value.is_string() && it->is_string() &&
               value.get<std::string>().starts_with(it->get<std::string>());
    }
    if (auto it = matcher.find("suffix"); it != matcher.end()) {
        return value.is_string() && it->is_string() &&
               value.get<std::string>().ends_with(it->get<std::string>());
    }
    if (auto it = matcher.find("anything-but"); it != matcher.end()) {
        if (it->is_array()) {
            return std::find(it->begin(), it->end(), value) == it->end();
        }
        if (it->is_object()) {
            return !matcher_matches(*it, value);
        }
        return *it != value;
    }
    if (auto it = matcher.find("numeric"); it != matcher.end()) {
        return numeric_matches(*it, value);
    }
    if (auto it = matcher.find("exists"); it != matcher.end()) {
        return it->is_boolean() && it->get<bool>();
    }
    return false;
}

bool field_matches(const json& pattern_value, const json* value) {
    if (pattern_value.is_object()) {
        return value != nullptr && value->is_object() && pattern_matches(pattern_value, *value);
    }
    if (!pattern_value.is_array()) {
        return false;
    }
    for (const auto& matcher : pattern_value) {
        if (matcher.is_object() && matcher.contains("exists")) {
            bool want = matcher["exists"].is_boolean() && matcher["exists"].get<bool>();
            if ((value != nullptr) == want) {
                return true;
            }
            continue;
        }
        if (value == nullptr) {
            continue;
        }
        if (value->is_array()) {
            for (const auto& element : *value) {
                if (matcher_matches(matcher, element)) {
                    return true;
                }
            }
        } else if (matcher_matches(matcher, *value)) {
            return true;
        }
    }
    return false;
}

} // namespace

bool pattern_matches(const json& pattern, const json& document) {
    if (!pattern.is_object()) {
        return false;
    }
    for (const auto& [key, pattern_value] : pattern.items()) {
        const json* value = nullptr;
        if (document.is_object()) {
            if (auto it = document.find(key); it != document.end()) {
                value = &*it;
            }
        }
        if (!field_matches(pattern_value, value)) {
            return false;
        }
    }
    return true;
}

bool passes_filter_criteria(const json& mapping, const json& record) {
    auto criteria = mapping.find("FilterCriteria");
    if (criteria == mapping.end() || !criteria->is_object() || !criteria->contains("Filters") ||
        !(*criteria)["Filters"].is_array() || (*criteria)["Filters"].empty()) {
        return true;
    }
    // SQS bodies are matched as JSON when they parse as JSON.
    json document = record;
    if (record.contains("body") && record["body"].is_string()) {
        auto parsed = json::parse(record["body"].get<std::string>(), nullptr, false);
        if (!parsed.is_discarded()) {
            document["body"] = parsed;
        }
    }
    for (const auto& filter : (*criteria)["Filters"]) {
        auto pattern = json::parse(filter.value("Pattern", ""), nullptr, false);
        if (!pattern.is_discarded() && pattern_matches(pattern, document)) {
            return true;
        }
    }
    return false;
}

} // namespace cloudbox::services::lambda_sources
