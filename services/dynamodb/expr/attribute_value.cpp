// AttributeValue validation, normalisation, equality, ordering and item sizes.
#include "dynamodb/expr/attribute_value.hpp"

#include "core/encoding.hpp"
#include "dynamodb/expr/expr_errors.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace cloudbox::services::dynamodb {

namespace {

constexpr std::array<std::pair<std::string_view, attribute_type>, 10> type_tags{{
    {"S", attribute_type::S},
    {"N", attribute_type::N},
    {"B", attribute_type::B},
    {"BOOL", attribute_type::BOOL},
    {"NULL", attribute_type::NULL_},
    {"M", attribute_type::M},
    {"L", attribute_type::L},
    {"SS", attribute_type::SS},
    {"NS", attribute_type::NS},
    {"BS", attribute_type::BS},
}};

const char* const invalid_prefix = "One or more parameter values were invalid: ";

// The first known, non-null member of an AttributeValue object.
std::optional<std::pair<attribute_type, const json*>> inspect(const json& value) {
    if (!value.is_object()) {
        return std::nullopt;
    }
    for (const auto& [tag, type] : type_tags) {
        auto it = value.find(std::string(tag));
        if (it != value.end() && !it->is_null()) {
            return std::make_pair(type, &*it);
        }
    }
    return std::nullopt;
}

std::string shape_name(const json& v) {
    if (v.is_array()) {
        return "Start of list found where not expected";
    }
    if (v.is_object()) {
        return "Start of structure or map found where not expected.";
    }
    if (v.is_boolean()) {
        return "class java.lang.Boolean can not be converted to an String";
    }
    return "class java.lang.Integer can not be converted to an String";
}

const std::string& expect_string(const json& v) {
    if (!v.is_string()) {
        throw serialization_error(shape_name(v));
    }
    return v.get_ref<const std::string&>();
}

std::string decode_binary(const json& v) {
    const std::string& text = expect_string(v);
    auto bytes = core::base64_decode(text);
    if (!bytes) {
        throw serialization_error("'" + text + "' can not be converted to a Blob: Base64 " +
                                  "encoded length is expected a multiple of 4 bytes but found: " +
                                  std::to_string(text.size()));
    }
    return *bytes;
}

const json& expect_array(const json& v) {
    if (!v.is_array()) {
        throw serialization_error(v.is_object()
                                      ? "Start of structure or map found where not expected."
                                      : "Expected list or null");
    }
    return v;
}

std::string join_members(const json& array) {
    std::string out = "[";
    bool first = true;
    for (const auto& member : array) {
        out += first ? "" : ", ";
        first = false;
        out += member.is_string() ? member.get<std::string>() : member.dump();
    }
    return out + "]";
}

void validate_value(const json& value, int depth) {
    if (!value.is_object()) {
        throw serialization_error(value.is_array() ? "Start of list found where not expected"
                                                   : "Expected map or null");
    }
    if (depth > max_nesting_depth) {
        throw validation_error("Nesting Levels have exceeded supported limits");
    }
    int present = 0;
    for (const auto& [tag, type] : type_tags) {
        auto it = value.find(std::string(tag));
        if (it == value.end() || it->is_null()) {
            continue;
        }
        ++present;
        const json& v = *it;
        switch (type) {
        case attribute_type::S:
            expect_string(v);
            break;
        case attribute_type::N:
            ddb_number::parse(expect_string(v));
            break;
        case attribute_type::B:
            decode_binary(v);
            break;
        case attribute_type::BOOL:
        case attribute_type::NULL_:
            if (!v.is_boolean()) {
                throw serialization_error("'" + (v.is_string() ? v.get<std::string>() : v.dump()) +
                                          "' can not be converted to an Boolean");
            }
            if (type == attribute_type::NULL_ && !v.get<bool>()) {
                throw validation_error(std::string(invalid_prefix) +
                                       "Null attribute value types must have the value of true");
            }
            break;
        case attribute_type::SS: {
            expect_array(v);
            if (v.empty()) {
                throw validation_error(std::string(invalid_prefix) +
                                       "An string set  may not be empty");
            }
            std::set<std::string> seen;
            for (const auto& member : v) {
                if (!seen.insert(expect_string(member)).second) {
                    throw validation_error(std::string(invalid_prefix) + "Input collection " +
                                           join_members(v) + " contains duplicates.");
                }
            }
            break;
        }
        case attribute_type::NS: {
            expect_array(v);
            if (v.empty()) {
                throw validation_error(std::string(invalid_prefix) +
                                       "An number set  may not be empty");
            }
            std::vector<ddb_number> seen;
            for (const auto& member : v) {
                seen.push_back(ddb_number::parse(expect_string(member)));
            }
            std::sort(seen.begin(), seen.end());
            // Unlike SS and BS, DynamoDB words NS duplicates (by value: "1", "1.0") tersely.
            if (std::adjacent_find(seen.begin(), seen.end()) != seen.end()) {
                throw validation_error("Input collection contains duplicates");
            }
            break;
        }
        case attribute_type::BS: {
            expect_array(v);
            if (v.empty()) {
                throw validation_error(std::string(invalid_prefix) +
                                       "Binary sets should not be empty");
            }
            std::set<std::string> seen;
            for (const auto& member : v) {
                if (!seen.insert(decode_binary(member)).second) {
                    throw validation_error(std::string(invalid_prefix) + "Input collection " +
                                           join_members(v) + "of type BS contains duplicates.");
                }
            }
            break;
        }
        case attribute_type::M:
            if (!v.is_object()) {
                throw serialization_error(v.is_array() ? "Start of list found where not expected"
                                                       : "Expected map or null");
            }
            for (const auto& [name, member] : v.items()) {
                validate_value(member, depth + 1);
            }
            break;
        case attribute_type::L:
            expect_array(v);
            for (const auto& member : v) {
                validate_value(member, depth + 1);
            }
            break;
        }
    }
    if (present == 0) {
        throw validation_error("Supplied AttributeValue is empty, must contain exactly one of the "
                               "supported datatypes");
    }
    if (present > 1) {
        throw validation_error("Supplied AttributeValue has more than one datatypes set, must "
                               "contain exactly one of the supported datatypes");
    }
}

std::string binary_of(const json& v) {
    if (!v.is_string()) {
        return {};
    }
    return core::base64_decode(v.get_ref<const std::string&>()).value_or(std::string());
}

ddb_number number_of(const json& v) {
    if (!v.is_string()) {
        return {};
    }
    return ddb_number::parse_unchecked(v.get_ref<const std::string&>()).value_or(ddb_number());
}

// Members of a set, decoded to comparable keys (numbers normalised, binaries decoded).
std::set<std::string> set_keys(attribute_type type, const json& array) {
    std::set<std::string> keys;
    if (!array.is_array()) {
        return keys;
    }
    for (const auto& member : array) {
        if (type == attribute_type::NS) {
            keys.insert(number_of(member).to_string());
        } else if (type == attribute_type::BS) {
            keys.insert(binary_of(member));
        } else if (member.is_string()) {
            keys.insert(member.get<std::string>());
        }
    }
    return keys;
}

std::size_t utf8_length(const json& v) {
    return v.is_string() ? v.get_ref<const std::string&>().size() : 0;
}

} // namespace

std::string_view type_tag(attribute_type type) {
    for (const auto& [tag, t] : type_tags) {
        if (t == type) {
            return tag;
        }
    }
    return "S";
}

std::optional<attribute_type> type_from_tag(std::string_view tag) {
    for (const auto& [name, t] : type_tags) {
        if (name == tag) {
            return t;
        }
    }
    return std::nullopt;
}

attribute_type type_of(const json& value) {
    auto found = inspect(value);
    if (!found) {
        throw validation_error("Supplied AttributeValue is empty, must contain exactly one of the "
                               "supported datatypes");
    }
    return found->first;
}

void validate_attribute_value(const json& value) {
    validate_value(value, 1);
}

void validate_item(const json& item) {
    if (!item.is_object()) {
        throw serialization_error("Start of list found where not expected");
    }
    for (const auto& [name, value] : item.items()) {
        validate_value(value, 1);
    }
}

json normalize_attribute_value(const json& value) {
    auto found = inspect(value);
    if (!found) {
        return value;
    }
    const auto& [type, v] = *found;
    std::string tag(type_tag(type));
    switch (type) {
    case attribute_type::N:
        return json{{tag, number_of(*v).to_string()}};
    case attribute_type::NS: {
        json out = json::array();
        for (const auto& member : *v) {
            out.push_back(number_of(member).to_string());
        }
        return json{{tag, out}};
    }
    case attribute_type::M: {
        json out = json::object();
        for (const auto& [name, member] : v->items()) {
            out[name] = normalize_attribute_value(member);
        }
        return json{{tag, out}};
    }
    case attribute_type::L: {
        json out = json::array();
        for (const auto& member : *v) {
            out.push_back(normalize_attribute_value(member));
        }
        return json{{tag, out}};
    }
    default:
        return json{{tag, *v}};
    }
}

json normalize_item(const json& item) {
    json out = json::object();
    for (const auto& [name, value] : item.items()) {
        out[name] = normalize_attribute_value(value);
    }
    return out;
}

void check_key_attribute(std::string_view name, const json& value, attribute_type expected_type) {
    auto found = inspect(value);
    attribute_type actual = found ? found->first : attribute_type::NULL_;
    if (!found || actual != expected_type) {
        throw validation_error(std::string(invalid_prefix) + "Type mismatch for key " +
                               std::string(name) +
                               " expected: " + std::string(type_tag(expected_type)) +
                               " actual: " + std::string(type_tag(actual)));
    }
    const json& v = *found->second;
    if (v.is_string() && v.get_ref<const std::string&>().empty()) {
        bool binary = actual == attribute_type::B;
        throw validation_error(
            std::string("One or more parameter values are not valid. The AttributeValue for a key "
                        "attribute cannot contain an empty ") +
            (binary ? "binary" : "string") + " value. Key: " + std::string(name));
    }
}

bool values_equal(const json& a, const json& b) {
    auto fa = inspect(a);
    auto fb = inspect(b);
    if (!fa || !fb || fa->first != fb->first) {
        return false;
    }
    const json& x = *fa->second;
    const json& y = *fb->second;
    switch (fa->first) {
    case attribute_type::N:
        return number_of(x) == number_of(y);
    case attribute_type::B:
        return binary_of(x) == binary_of(y);
    case attribute_type::SS:
    case attribute_type::NS:
    case attribute_type::BS:
        return set_keys(fa->first, x) == set_keys(fa->first, y);
    case attribute_type::M: {
        if (!x.is_object() || !y.is_object() || x.size() != y.size()) {
            return false;
        }
        for (const auto& [name, member] : x.items()) {
            auto it = y.find(name);
            if (it == y.end() || !values_equal(member, *it)) {
                return false;
            }
        }
        return true;
    }
    case attribute_type::L: {
        if (!x.is_array() || !y.is_array() || x.size() != y.size()) {
            return false;
        }
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (!values_equal(x[i], y[i])) {
                return false;
            }
        }
        return true;
    }
    default:
        return x == y;
    }
}

std::optional<int> compare_values(const json& a, const json& b) {
    auto fa = inspect(a);
    auto fb = inspect(b);
    if (!fa || !fb || fa->first != fb->first) {
        return std::nullopt;
    }
    auto sign = [](auto c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); };
    switch (fa->first) {
    case attribute_type::S:
        if (!fa->second->is_string() || !fb->second->is_string()) {
            return std::nullopt;
        }
        return sign(fa->second->get_ref<const std::string&>().compare(
            fb->second->get_ref<const std::string&>()));
    case attribute_type::N: {
        auto c = number_of(*fa->second) <=> number_of(*fb->second);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case attribute_type::B:
        return sign(binary_of(*fa->second).compare(binary_of(*fb->second)));
    default:
        return std::nullopt;
    }
}

std::size_t attribute_value_size(const json& value) {
    auto found = inspect(value);
    if (!found) {
        return 0;
    }
    const json& v = *found->second;
    std::size_t size = 0;
    switch (found->first) {
    case attribute_type::S:
        return utf8_length(v);
    case attribute_type::N:
        return number_of(v).storage_size();
    case attribute_type::B:
        return binary_of(v).size();
    case attribute_type::BOOL:
    case attribute_type::NULL_:
        return 1;
    case attribute_type::SS:
        for (const auto& member : v) {
            size += utf8_length(member);
        }
        return size;
    case attribute_type::NS:
        for (const auto& member : v) {
            size += number_of(member).storage_size();
        }
        return size;
    case attribute_type::BS:
        for (const auto& member : v) {
            size += binary_of(member).size();
        }
        return size;
    case attribute_type::M:
        size = 3;
        for (const auto& [name, member] : v.items()) {
            size += 1 + name.size() + attribute_value_size(member);
        }
        return size;
    case attribute_type::L:
        size = 3;
        for (const auto& member : v) {
            size += 1 + attribute_value_size(member);
        }
        return size;
    }
    return size;
}

std::size_t item_size(const json& item) {
    std::size_t size = 0;
    for (const auto& [name, value] : item.items()) {
        size += name.size() + attribute_value_size(value);
    }
    return size;
}

void check_item_size(const json& item) {
    if (item_size(item) > max_item_size) {
        throw validation_error("Item size has exceeded the maximum allowed size");
    }
}

void check_updated_item_size(const json& item) {
    if (item_size(item) > max_item_size) {
        throw validation_error("Item size to update has exceeded the maximum allowed size");
    }
}

std::string encode_key_bytes(const json& value) {
    auto found = inspect(value);
    if (!found) {
        throw validation_error("Supplied AttributeValue is empty, must contain exactly one of the "
                               "supported datatypes");
    }
    const json& v = *found->second;
    switch (found->first) {
    case attribute_type::S:
        return v.is_string() ? v.get<std::string>() : std::string();
    case attribute_type::B:
        return binary_of(v);
    case attribute_type::N: {
        // Tag (negative < zero < positive), then the exponent and the digits, inverted for
        // negatives so that larger magnitudes sort first; 0xFF ends negative digit runs so that
        // a longer run (larger magnitude) sorts before its prefix.
        ddb_number n = number_of(v);
        if (n.is_zero()) {
            return std::string(1, '\x02');
        }
        int biased = std::clamp(n.exponent() + 129, 0, 255);
        std::string out;
        if (n.is_negative()) {
            out.push_back('\x01');
            out.push_back(static_cast<char>(255 - biased));
            for (char d : n.digits()) {
                out.push_back(static_cast<char>('0' + ('9' - d)));
            }
            out.push_back('\xFF');
        } else {
            out.push_back('\x03');
            out.push_back(static_cast<char>(biased));
            out += n.digits();
        }
        return out;
    }
    default:
        throw validation_error(std::string(invalid_prefix) +
                               "Key attributes must be of type S, N or B");
    }
}

std::optional<std::string> prefix_successor(std::string_view prefix) {
    std::string out(prefix);
    while (!out.empty() && static_cast<unsigned char>(out.back()) == 0xFF) {
        out.pop_back();
    }
    if (out.empty()) {
        return std::nullopt;
    }
    out.back() = static_cast<char>(static_cast<unsigned char>(out.back()) + 1);
    return out;
}

} // namespace cloudbox::services::dynamodb
