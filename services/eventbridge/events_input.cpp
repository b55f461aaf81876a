// EventBridge input checks.
#include "eventbridge/events_input.hpp"

#include "eventbridge/events_errors.hpp"

namespace cloudbox::services::eventbridge {

using nlohmann::json;

std::optional<std::string> optional_string(const json& input, const char* member) {
    auto it = input.find(member);
    if (it == input.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        throw errors::serialization(std::string("Unexpected value type for member ") + member +
                                    ": expected a string");
    }
    return it->get<std::string>();
}

std::string required_string(const json& input, const char* member) {
    auto v = optional_string(input, member);
    if (!v) {
        std::string lower(member);
        lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
        throw errors::validation("1 validation error detected: Value null at '" + lower +
                                 "' failed to satisfy constraint: Member must not be null");
    }
    return *v;
}

std::optional<long long> optional_integer(const json& input, const char* member) {
    auto it = input.find(member);
    if (it == input.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_number_integer()) {
        throw errors::serialization(std::string("Unexpected value type for member ") + member +
                                    ": expected an integer");
    }
    return it->get<long long>();
}

void constraint_violation(const std::string& value, const std::string& path,
                          const std::string& constraint) {
    throw errors::validation("1 validation error detected: Value '" + value + "' at '" + path +
                             "' failed to satisfy constraint: " + constraint);
}

void check_rule_name(const std::string& name, const std::string& path) {
    if (name.empty() || name.size() > 64) {
        constraint_violation(name, path,
                             "Member must have length less than or equal to 64 and greater "
                             "than or equal to 1");
    }
    for (char c : name) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) {
            constraint_violation(name, path,
                                 "Member must satisfy regular expression pattern: "
                                 "[\\.\\-_A-Za-z0-9]+");
        }
    }
}

std::string event_bus_name(const json& input) {
    auto bus = optional_string(input, "EventBusName").value_or("default");
    // An ARN of the default bus names it too.
    if (bus.starts_with("arn:") && bus.ends_with(":event-bus/default")) {
        return "default";
    }
    if (bus != "default") {
        throw errors::bus_not_found(bus);
    }
    return bus;
}

rule_record require_rule(events_call& call, const char* member) {
    auto name = required_string(call.input, member);
    auto bus = event_bus_name(call.input);
    auto rule = call.svc.store().get_rule(call.account, call.region, bus, name);
    if (!rule) {
        throw errors::rule_not_found(name, bus);
    }
    return *rule;
}

} // namespace cloudbox::services::eventbridge
