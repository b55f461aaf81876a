// Coral-style request checks driven by the botocore shapes: type errors first (with the Java
// deserialiser's messages DynamoDB returns), then up to ten constraint errors in member order.
#include "dynamodb/model/dynamodb_model.hpp"

#include "dynamodb/dynamodb_errors.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <regex>
#include <unordered_map>
#include <vector>

namespace cloudbox::services::dynamodb::model {

using nlohmann::json;

namespace {

const json& model() {
    static const json parsed = [] {
        std::string text;
        for (const char* const* p = model_json_parts; *p != nullptr; ++p) {
            text += *p;
        }
        auto m = json::parse(text);
        // DynamoDB still refuses more than 255 AttributesToGet; botocore dropped the bound.
        m["dynamodb"]["shapes"]["AttributeNameList"]["max"] = 255;
        return m;
    }();
    return parsed;
}

std::string number_kind(const json& v) {
    if (v.is_number_float()) {
        double d = v.get<double>();
        return d == std::floor(d) ? "NUMBER_VALUE" : "DECIMAL_VALUE";
    }
    return "NUMBER_VALUE";
}

std::string java_type(const std::string& t) {
    if (t == "integer") {
        return "Integer";
    }
    if (t == "long") {
        return "Long";
    }
    if (t == "boolean") {
        return "Boolean";
    }
    if (t == "double") {
        return "Double";
    }
    return "String";
}

// As Coral's decoder: padding only at the end, and the last character before it carries no
// bits beyond the encoded bytes ("+/+=" is not canonical: its '+' sets a dropped bit).
bool valid_base64(const std::string& s) {
    if (s.size() % 4 != 0) {
        throw errors::serialization(
            "Base64 encoded length is expected a multiple of 4 bytes but found: " +
            std::to_string(s.size()));
    }
    auto bad = [] {
        return errors::serialization("Invalid last non-pad Base64 character dectected");
    };
    std::size_t pad = 0;
    while (pad < s.size() && pad < 2 && s[s.size() - 1 - pad] == '=') {
        ++pad;
    }
    const std::size_t data = s.size() - pad;
    for (std::size_t i = 0; i < data; ++i) {
        char c = s[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/') {
            throw bad();
        }
    }
    if (pad > 0) {
        if (data % 4 < 2) {
            throw bad();
        }
        const std::string alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const auto last = alphabet.find(s[data - 1]);
        const unsigned dropped_bits = pad == 1 ? 0x3 : 0xF;
        if ((last & dropped_bits) != 0) {
            throw bad();
        }
    }
    return true;
}

// How Coral prints a value in "Value '...' at '...'".
std::string value_text(const json& v) {
    if (v.is_null()) {
        return "null";
    }
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
            out += (i ? ", " : "") + value_text(v[i]);
        }
        return out + "]";
    }
    return v.dump();
}

std::string lower_first(std::string s) {
    if (!s.empty()) {
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    }
    return s;
}

// The order in which DynamoDB lists constraint errors (members) and enum value sets differs from
// botocore's; these are the orders DynamoDB printed, as recorded by dynalite's tests. Members
// not listed follow, in botocore order.
using name_order = std::unordered_map<std::string, std::vector<std::string>>;

const name_order& member_orders() {
    static const name_order orders{
        {"BatchGetItemInput", {"ReturnConsumedCapacity", "RequestItems"}},
        {"KeysAndAttributes",
         {"Keys", "AttributesToGet", "ConsistentRead", "ProjectionExpression",
          "ExpressionAttributeNames"}},
        {"BatchWriteItemInput",
         {"ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "RequestItems"}},
        {"WriteRequest", {"DeleteRequest", "PutRequest"}},
        {"DeleteRequest", {"Key"}},
        {"PutRequest", {"Item"}},
        {"CreateTableInput",
         {"AttributeDefinitions", "TableName", "BillingMode", "ProvisionedThroughput", "KeySchema",
          "LocalSecondaryIndexes", "GlobalSecondaryIndexes"}},
        {"AttributeDefinition", {"AttributeName", "AttributeType"}},
        {"ProvisionedThroughput", {"WriteCapacityUnits", "ReadCapacityUnits"}},
        {"KeySchemaElement", {"AttributeName", "KeyType"}},
        {"LocalSecondaryIndex", {"IndexName", "KeySchema", "Projection"}},
        {"Projection", {"ProjectionType", "NonKeyAttributes"}},
        {"GlobalSecondaryIndex", {"IndexName", "KeySchema", "Projection", "ProvisionedThroughput"}},
        {"DeleteItemInput",
         {"ReturnConsumedCapacity", "TableName", "ReturnValues", "ReturnItemCollectionMetrics",
          "Key", "ConditionalOperator", "Expected", "ConditionExpression",
          "ExpressionAttributeValues", "ExpressionAttributeNames"}},
        {"ExpectedAttributeValue", {"AttributeValueList", "ComparisonOperator", "Exists", "Value"}},
        {"DeleteTableInput", {"TableName"}},
        {"DescribeTableInput", {"TableName"}},
        {"DescribeTimeToLiveInput", {"TableName"}},
        {"GetItemInput",
         {"ReturnConsumedCapacity", "AttributesToGet", "TableName", "Key", "ConsistentRead",
          "ProjectionExpression", "ExpressionAttributeNames"}},
        {"ListTablesInput", {"Limit", "ExclusiveStartTableName"}},
        {"PutItemInput",
         {"ReturnConsumedCapacity", "TableName", "Item", "ConditionalOperator", "Expected",
          "ReturnValues", "ReturnItemCollectionMetrics", "ConditionExpression",
          "ExpressionAttributeValues", "ExpressionAttributeNames"}},
        {"QueryInput",
         {"Select", "IndexName", "ReturnConsumedCapacity", "QueryFilter", "TableName",
          "ConditionalOperator", "AttributesToGet", "Limit", "KeyConditions", "ExclusiveStartKey",
          "ConsistentRead", "ScanIndexForward", "KeyConditionExpression", "FilterExpression",
          "ProjectionExpression", "ExpressionAttributeValues", "ExpressionAttributeNames"}},
        {"Condition", {"AttributeValueList", "ComparisonOperator"}},
        {"ScanInput",
         {"Select", "IndexName", "TotalSegments", "ReturnConsumedCapacity", "TableName",
          "ConditionalOperator", "ScanFilter", "Segment", "Limit", "AttributesToGet",
          "ExclusiveStartKey", "FilterExpression", "ProjectionExpression",
          "ExpressionAttributeValues", "ExpressionAttributeNames"}},
        {"TagResourceInput", {"ResourceArn", "Tags"}},
        {"Tag", {"Key", "Value"}},
        {"UntagResourceInput", {"ResourceArn", "TagKeys"}},
        {"ListTagsOfResourceInput", {"ResourceArn"}},
        {"UpdateItemInput",
         {"ReturnConsumedCapacity", "TableName", "ReturnItemCollectionMetrics", "ReturnValues",
          "Key", "ConditionalOperator", "Expected", "AttributeUpdates", "ConditionExpression",
          "UpdateExpression", "ExpressionAttributeValues", "ExpressionAttributeNames"}},
        {"AttributeValueUpdate", {"Action", "Value"}},
        {"UpdateTableInput",
         {"TableName", "ProvisionedThroughput", "BillingMode", "GlobalSecondaryIndexUpdates"}},
        {"GlobalSecondaryIndexUpdate", {"Update", "Create", "Delete"}},
        {"UpdateGlobalSecondaryIndexAction", {"IndexName", "ProvisionedThroughput"}},
        {"CreateGlobalSecondaryIndexAction",
         {"Projection", "IndexName", "ProvisionedThroughput", "KeySchema"}},
        {"DeleteGlobalSecondaryIndexAction", {"IndexName"}},
    };
    return orders;
}

const name_order& enum_orders() {
    static const name_order orders{
        {"ReturnConsumedCapacity", {"INDEXES", "TOTAL", "NONE"}},
        {"ReturnItemCollectionMetrics", {"SIZE", "NONE"}},
        {"ScalarAttributeType", {"B", "N", "S"}},
        {"BillingMode", {"PROVISIONED", "PAY_PER_REQUEST"}},
        {"KeyType", {"HASH", "RANGE"}},
        {"ProjectionType", {"ALL", "INCLUDE", "KEYS_ONLY"}},
        {"ReturnValue", {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"}},
        {"ConditionalOperator", {"OR", "AND"}},
        {"ComparisonOperator",
         {"IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE",
          "BEGINS_WITH", "GE", "CONTAINS"}},
        {"Select", {"SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"}},
    };
    return orders;
}

// A botocore shape compiled once for the checks below: member lists in both orders, resolved
// references, constraint texts and precompiled patterns. Walking the raw model JSON (map
// lookups and string copies at every node) cost 20 us per PutItem.
enum class kind { structure, list, map, string, blob, boolean, integer, long_, double_, other };

struct shape;

struct member {
    std::string name;      // as sent: "TableName"
    std::string path_name; // as Coral prints it in a path: "tableName"
    const shape* type = nullptr;
    bool required = false;
};

struct shape {
    std::string name;
    std::string type; // botocore's type name
    kind k = kind::other;
    std::vector<member> members;          // structure: botocore order (type checks)
    std::vector<const member*> checked;   // structure: DynamoDB's order (constraints)
    const shape* element = nullptr;       // list
    const shape* key = nullptr;           // map
    const shape* value = nullptr;         // map
    bool attribute_value = false;         // validated by the item checks, not here
    std::optional<std::int64_t> min, max; // lengths or values
    std::string min_text, max_text;       // as the model prints them
    std::optional<std::string> pattern;
    std::optional<std::regex> compiled_pattern; // unset when std::regex cannot compile it
    bool name_pattern = false;                  // [a-zA-Z0-9_.-]+, checked without a regex
    std::vector<std::string> enum_values;
    std::string enum_text; // DynamoDB's order, comma separated

    bool matches(const std::string& text) const {
        if (name_pattern) {
            return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
                       c == '-';
            });
        }
        return !compiled_pattern || std::regex_match(text, *compiled_pattern);
    }
};

struct api_model {
    std::unordered_map<std::string, shape> shapes; // node-based: pointers stay valid
    std::unordered_map<std::string, const shape*> inputs;
};

kind kind_of(const std::string& t) {
    static const std::unordered_map<std::string, kind> kinds{
        {"structure", kind::structure}, {"list", kind::list},  {"map", kind::map},
        {"string", kind::string},       {"blob", kind::blob},  {"boolean", kind::boolean},
        {"integer", kind::integer},     {"long", kind::long_}, {"double", kind::double_}};
    auto it = kinds.find(t);
    return it == kinds.end() ? kind::other : it->second;
}

// The members of a structure in the order DynamoDB checks them.
std::vector<const member*> check_order(const shape& s);

api_model compile(const json& raw) {
    api_model m;
    const json& shapes = raw["shapes"];
    for (auto it = shapes.begin(); it != shapes.end(); ++it) {
        shape& s = m.shapes[it.key()];
        s.name = it.key();
    }
    auto ref = [&](const json& name) { return &m.shapes.at(name.get<std::string>()); };
    for (auto it = shapes.begin(); it != shapes.end(); ++it) {
        const json& r = it.value();
        shape& s = m.shapes.at(it.key());
        s.type = r["t"].get<std::string>();
        s.k = kind_of(s.type);
        s.attribute_value = s.name == "AttributeValue";
        if (r.contains("min")) {
            s.min = r["min"].get<std::int64_t>();
            s.min_text = r["min"].dump();
        }
        if (r.contains("max")) {
            s.max = r["max"].get<std::int64_t>();
            s.max_text = r["max"].dump();
        }
        if (r.contains("pattern")) {
            s.pattern = r["pattern"].get<std::string>();
            s.name_pattern = *s.pattern == "[a-zA-Z0-9_.-]+";
            try {
                s.compiled_pattern.emplace(*s.pattern, std::regex::ECMAScript);
            } catch (const std::regex_error&) {
                // Java syntax std::regex lacks (\p{Print}): not checked.
            }
        }
        if (r.contains("enum")) {
            s.enum_values = r["enum"].get<std::vector<std::string>>();
            auto order = enum_orders().find(s.name);
            const auto& listed = order != enum_orders().end() ? order->second : s.enum_values;
            for (const auto& e : listed) {
                s.enum_text += (s.enum_text.empty() ? "" : ", ") + e;
            }
        }
        if (r.contains("m")) {
            for (const auto& mj : r["m"]) {
                member mb;
                mb.name = mj[0].get<std::string>();
                mb.path_name = lower_first(mb.name);
                mb.type = ref(mj[1]);
                mb.required = mj[2].get<bool>();
                s.members.push_back(std::move(mb));
            }
        }
        if (r.contains("e")) {
            s.element = ref(r["e"]);
        }
        if (r.contains("k")) {
            s.key = ref(r["k"]);
            s.value = ref(r["v"]);
        }
    }
    for (auto& [name, s] : m.shapes) {
        s.checked = check_order(s);
    }
    for (auto it = raw["ops"].begin(); it != raw["ops"].end(); ++it) {
        m.inputs[it.key()] = ref(it.value());
    }
    return m;
}

const api_model& compiled_api(std::string_view api) {
    static const std::unordered_map<std::string, api_model> apis = [] {
        std::unordered_map<std::string, api_model> out;
        for (auto it = model().begin(); it != model().end(); ++it) {
            out.emplace(it.key(), compile(it.value()));
        }
        return out;
    }();
    return apis.at(std::string(api));
}

class type_checker {
  public:
    // `element`: v is a list element or map value, not a structure's member; Coral words a
    // scalar found there for a structure differently.
    void check(json& v, const shape& s, bool element = false) {
        if (s.k == kind::structure) {
            if (v.is_array()) {
                throw errors::serialization(
                    "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." +
                    s.name);
            }
            if (!v.is_object()) {
                throw errors::serialization(element ? "Unexpected value type in payload"
                                                    : "Unexpected field type");
            }
            check_members(v, s);
        } else if (s.k == kind::list) {
            if (v.is_object()) {
                throw errors::serialization("Start of structure or map found where not expected");
            }
            if (!v.is_array()) {
                throw errors::serialization("Unexpected field type");
            }
            for (auto& e : v) {
                if (!e.is_null()) {
                    check(e, *s.element, true);
                }
            }
        } else if (s.k == kind::map) {
            if (v.is_array()) {
                throw errors::serialization(
                    "Unrecognized collection type java.util.Map<java.lang.String, "
                    "com.amazonaws.dynamodb.v20120810." +
                    s.value->name + ">");
            }
            if (!v.is_object()) {
                throw errors::serialization("Unexpected field type");
            }
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!it.value().is_null()) {
                    check(it.value(), *s.value, true);
                }
            }
        } else {
            check_scalar(v, s);
        }
    }

    void check_members(json& obj, const shape& s) {
        for (const auto& m : s.members) {
            auto it = obj.find(m.name);
            if (it == obj.end()) {
                continue;
            }
            if (it->is_null()) {
                obj.erase(it);
                continue;
            }
            check(*it, *m.type);
        }
    }

  private:
    static void check_scalar(json& v, const shape& s) {
        const std::string& t = s.type;
        auto collection = [&](const std::string& cls) {
            throw errors::serialization("Unrecognized collection type class " + cls);
        };
        auto structure = [] {
            throw errors::serialization("Start of structure or map found where not expected");
        };
        if (s.k == kind::blob) {
            if (v.is_array()) {
                collection("java.nio.ByteBuffer");
            }
            if (v.is_object()) {
                structure();
            }
            if (!v.is_string()) {
                throw errors::serialization(
                    "only base-64-encoded strings are convertible to bytes");
            }
            valid_base64(v.get_ref<const std::string&>());
            return;
        }
        if (v.is_array()) {
            collection("java.lang." + java_type(t));
        }
        if (v.is_object()) {
            structure();
        }
        if (s.k == kind::string) {
            if (v.is_boolean()) {
                throw errors::serialization(std::string(v.get<bool>() ? "TRUE" : "FALSE") +
                                            "_VALUE cannot be converted to String");
            }
            if (v.is_number()) {
                throw errors::serialization(number_kind(v) + " cannot be converted to String");
            }
        } else if (s.k == kind::boolean) {
            if (v.is_number()) {
                throw errors::serialization(number_kind(v) + " cannot be converted to Boolean");
            }
            if (v.is_string()) {
                std::string up = v.get<std::string>();
                for (auto& c : up) {
                    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                }
                if (up == "TRUE" || up == "1" || up == "YES") {
                    v = true;
                } else if (up == "FALSE" || up == "0" || up == "NO") {
                    v = false;
                } else {
                    throw errors::serialization("Unexpected token received from parser");
                }
            }
        } else if (s.k == kind::integer || s.k == kind::long_ || s.k == kind::double_) {
            if (v.is_boolean()) {
                throw errors::serialization(std::string(v.get<bool>() ? "TRUE" : "FALSE") +
                                            "_VALUE cannot be converted to " + java_type(t));
            }
            if (v.is_string()) {
                throw errors::serialization("STRING_VALUE cannot be converted to " + java_type(t));
            }
            if (s.k != kind::double_ && v.is_number_float()) {
                v = static_cast<std::int64_t>(std::floor(v.get<double>()));
            }
        }
        // timestamps: accepted as sent (only backup operations take them)
    }
};

std::vector<const member*> check_order(const shape& s) {
    std::vector<const member*> out;
    auto it = member_orders().find(s.name);
    if (it != member_orders().end()) {
        for (const auto& name : it->second) {
            for (const auto& m : s.members) {
                if (m.name == name) {
                    out.push_back(&m);
                }
            }
        }
    }
    for (const auto& m : s.members) {
        if (std::find(out.begin(), out.end(), &m) == out.end()) {
            out.push_back(&m);
        }
    }
    return out;
}

class validator {
  public:
    void members(const json& obj, const shape& s, const std::string& parent) {
        for (const member* m : s.checked) {
            auto it = obj.find(m->name);
            if (it == obj.end()) {
                if (m->required) {
                    add(json(), join(parent, m->path_name), "Member must not be null");
                }
                continue;
            }
            value(*it, *m->type, join(parent, m->path_name));
        }
    }

    void value(const json& v, const shape& s, const std::string& path) {
        if (errors_.size() >= 10) {
            return;
        }
        if (s.k == kind::string) {
            const auto& text = v.get_ref<const std::string&>();
            if (!s.enum_values.empty() && std::find(s.enum_values.begin(), s.enum_values.end(),
                                                    text) == s.enum_values.end()) {
                add(v, path, "Member must satisfy enum value set: [" + s.enum_text + "]");
            }
            if (s.pattern && !s.matches(text)) {
                add(v, path, "Member must satisfy regular expression pattern: " + *s.pattern);
            }
            length(v, s, path, utf16_length(text));
        } else if (s.k == kind::blob) {
            length(v, s, path, v.get_ref<const std::string&>().size() * 3 / 4);
        } else if (s.k == kind::integer || s.k == kind::long_) {
            auto n = v.is_number() ? v.get<std::int64_t>() : 0;
            if (s.min && n < *s.min) {
                add(v, path, "Member must have value greater than or equal to " + s.min_text);
            }
            if (s.max && n > *s.max) {
                add(v, path, "Member must have value less than or equal to " + s.max_text);
            }
        } else if (s.k == kind::list) {
            length(v, s, path, v.size());
            const shape& elem = *s.element;
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (v[i].is_null()) {
                    continue;
                }
                std::string at = path + "." + std::to_string(i + 1) + ".member";
                if (elem.k == kind::structure) {
                    members(v[i], elem, at);
                } else {
                    value(v[i], elem, at);
                }
            }
        } else if (s.k == kind::map) {
            length(v, s, path, v.size());
            map_entries(v, s, path);
            const shape& vs = *s.value;
            bool structures = vs.k == kind::structure && !vs.attribute_value;
            bool lists_of_structures = vs.k == kind::list && vs.element->k == kind::structure;
            if (!structures && !lists_of_structures) {
                return;
            }
            for (auto it = v.begin(); it != v.end(); ++it) {
                const std::string at = path + "." + it.key() + ".member";
                if (structures) {
                    members(it.value(), vs, at);
                    continue;
                }
                for (std::size_t i = 0; i < it.value().size(); ++i) {
                    if (!it.value()[i].is_null()) {
                        members(it.value()[i], *vs.element,
                                at + "." + std::to_string(i + 1) + ".member");
                    }
                }
            }
        } else if (s.k == kind::structure && !s.attribute_value) {
            members(v, s, path);
        }
    }

    void finish() const {
        if (errors_.empty()) {
            return;
        }
        std::string msg = std::to_string(errors_.size()) + " validation error" +
                          (errors_.size() > 1 ? "s" : "") + " detected: ";
        for (std::size_t i = 0; i < errors_.size(); ++i) {
            msg += (i ? "; " : "") + errors_[i];
        }
        throw errors::validation(msg);
    }

  private:
    static std::string join(const std::string& parent, const std::string& name) {
        return parent.empty() ? name : parent + "." + name;
    }
    static std::size_t utf16_length(const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) {
            if ((c & 0xC0) != 0x80) {
                n += c >= 0xF0 ? 2 : 1;
            }
        }
        return n;
    }
    static bool too_short(const shape& s, std::size_t n) {
        return s.min && static_cast<std::int64_t>(n) < *s.min;
    }
    static bool too_long(const shape& s, std::size_t n) {
        return s.max && static_cast<std::int64_t>(n) > *s.max;
    }
    void length(const json& v, const shape& s, const std::string& path, std::size_t n) {
        if (too_short(s, n)) {
            add(v, path, "Member must have length greater than or equal to " + s.min_text);
        }
        if (too_long(s, n)) {
            add(v, path, "Member must have length less than or equal to " + s.max_text);
        }
    }
    // Coral checks a map's keys and values as a whole: one error for the keys, one for the
    // values, each listing every constraint of the key (value) shape.
    void map_entries(const json& v, const shape& s, const std::string& path) {
        const shape& ks = *s.key;
        const shape& vs = *s.value;
        bool keys_ok = true;
        bool values_ok = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            std::size_t n = utf16_length(it.key());
            keys_ok = keys_ok && !too_short(ks, n) && !too_long(ks, n) &&
                      !(ks.pattern && !ks.matches(it.key()));
            if ((vs.k == kind::list || vs.k == kind::map) && !it.value().is_null()) {
                std::size_t m = it.value().size();
                values_ok = values_ok && !too_short(vs, m) && !too_long(vs, m);
            }
        }
        if (!keys_ok) {
            add(v, path, "Map keys must satisfy constraint: [" + constraints_of(ks) + "]");
        }
        if (!values_ok) {
            add(v, path, "Map value must satisfy constraint: [" + constraints_of(vs) + "]");
        }
    }
    static std::string constraints_of(const shape& s) {
        std::string out;
        auto put = [&](const std::string& c) { out += (out.empty() ? "" : ", ") + c; };
        if (s.max) {
            put("Member must have length less than or equal to " + s.max_text);
        }
        if (s.min) {
            put("Member must have length greater than or equal to " + s.min_text);
        }
        if (s.pattern) {
            put("Member must satisfy regular expression pattern: " + *s.pattern);
        }
        return out;
    }
    void add(const json& v, const std::string& path, const std::string& constraint) {
        if (errors_.size() >= 10) {
            return;
        }
        std::string text = v.is_null() ? "null" : "'" + value_text(v) + "'";
        errors_.push_back("Value " + text + " at '" + path +
                          "' failed to satisfy constraint: " + constraint);
    }

    std::vector<std::string> errors_;
};

// Operations whose TableName is checked before the other members, with its own messages.
bool table_name_first(std::string_view op) {
    return op == "CreateTable" || op == "DeleteTable" || op == "DescribeTable" ||
           op == "UpdateTable" || op == "DescribeTimeToLive" || op == "UpdateTimeToLive";
}

} // namespace

bool has_operation(std::string_view api, std::string_view operation) {
    return compiled_api(api).inputs.contains(std::string(operation));
}

void check_request(std::string_view api, std::string_view operation, json& body) {
    const api_model& m = compiled_api(api);
    auto found = m.inputs.find(std::string(operation));
    if (found == m.inputs.end()) {
        return; // the dispatcher answers unknown operations before this
    }
    const shape& input = *found->second;
    type_checker().check_members(body, input);
    if (table_name_first(operation)) {
        auto it = body.find("TableName");
        if (it == body.end()) {
            throw errors::validation(
                "The parameter 'TableName' is required but was not present in the request");
        }
        auto n = it->get<std::string>().size();
        if (n < 3 || n > 255) {
            throw errors::validation(
                "TableName must be at least 3 characters long and at most 255 characters long");
        }
    }
    // The tagging operations name a missing ARN before any constraint (dynalite's tests).
    if ((operation == "TagResource" || operation == "UntagResource" ||
         operation == "ListTagsOfResource") &&
        !body.contains("ResourceArn")) {
        throw errors::validation("Invalid TableArn");
    }
    validator v;
    v.members(body, input, "");
    v.finish();
}

} // namespace cloudbox::services::dynamodb::model
