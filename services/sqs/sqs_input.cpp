// Typed access to a decoded SQS input, with AWS's errors for wrong types and missing values.
#include "sqs/sqs_codec.hpp"

#include "sqs/sqs_errors.hpp"

namespace cloudbox::services::sqs {

using nlohmann::json;

const json* sqs_input::member(const char* name) const {
    auto it = params.find(name);
    return it == params.end() || it->is_null() ? nullptr : &*it;
}

std::optional<std::string> entry_string(const json& entry, const char* name) {
    auto it = entry.find(name);
    if (it == entry.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        throw errors::serialization(std::string("Expected String for ") + name);
    }
    return it->get<std::string>();
}

std::optional<std::int64_t> entry_integer(wire_protocol protocol, const json& entry,
                                          const char* name) {
    auto it = entry.find(name);
    if (it == entry.end() || it->is_null()) {
        return std::nullopt;
    }
    if (it->is_number_integer()) {
        return it->get<std::int64_t>();
    }
    if (protocol == wire_protocol::json) {
        throw errors::serialization(std::string("Expected Integer for ") + name);
    }
    throw errors::invalid_value(it->is_string() ? it->get<std::string>() : it->dump(), name,
                                "Must be an integer.");
}

std::optional<std::string> sqs_input::string(const char* name) const {
    return entry_string(params, name);
}

std::string sqs_input::required_string(const char* name) const {
    auto v = string(name);
    if (!v) {
        throw errors::missing_parameter(name);
    }
    return *v;
}

std::optional<std::int64_t> sqs_input::integer(const char* name) const {
    return entry_integer(protocol, params, name);
}

std::optional<bool> sqs_input::boolean(const char* name) const {
    const json* v = member(name);
    if (!v) {
        return std::nullopt;
    }
    if (v->is_boolean()) {
        return v->get<bool>();
    }
    if (v->is_string() && (*v == "true" || *v == "false")) {
        return *v == "true";
    }
    throw errors::serialization(std::string("Expected Boolean for ") + name);
}

std::map<std::string, std::string> sqs_input::string_map(const char* name) const {
    std::map<std::string, std::string> out;
    const json* v = member(name);
    if (!v) {
        return out;
    }
    if (!v->is_object()) {
        throw errors::serialization(std::string("Expected Map for ") + name);
    }
    for (auto it = v->begin(); it != v->end(); ++it) {
        if (!it.value().is_string()) {
            throw errors::serialization(std::string("Expected String in ") + name);
        }
        out[it.key()] = it.value().get<std::string>();
    }
    return out;
}

std::vector<std::string> sqs_input::string_list(const char* name) const {
    std::vector<std::string> out;
    const json* v = member(name);
    if (!v) {
        return out;
    }
    if (!v->is_array()) {
        throw errors::serialization(std::string("Expected List for ") + name);
    }
    for (const auto& e : *v) {
        if (!e.is_string()) {
            throw errors::serialization(std::string("Expected String in ") + name);
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

} // namespace cloudbox::services::sqs
