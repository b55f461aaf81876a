// Coral-style request checks driven by the botocore shapes: type errors first (with the Java
// deserialiser's messages DynamoDB returns), then up to ten constraint errors in member order.
#include "dynamodb/model/dynamodb_model.hpp"

#include "dynamodb/dynamodb_errors.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
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

const json& shapes_of(std::string_view api) {
    return model()[std::string(api)]["shapes"];
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

class type_checker {
  public:
    explicit type_checker(const json& shapes) : shapes_(shapes) {}

    // `element`: v is a list element or map value, not a structure's member; Coral words a
    // scalar found there for a structure differently.
    void check(json& v, const std::string& shape_name, bool element = false) {
        const json& s = shapes_[shape_name];
        const std::string t = s["t"].get<std::string>();
        if (t == "structure") {
            if (v.is_array()) {
                throw errors::serialization(
                    "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." +
                    shape_name);
            }
            if (!v.is_object()) {
                throw errors::serialization(element ? "Unexpected value type in payload"
                                                    : "Unexpected field type");
            }
            check_members(v, s);
        } else if (t == "list") {
            if (v.is_object()) {
                throw errors::serialization("Start of structure or map found where not expected");
            }
            if (!v.is_array()) {
                throw errors::serialization("Unexpected field type");
            }
            const std::string elem = s["e"].get<std::string>();
            for (auto& e : v) {
                if (!e.is_null()) {
                    check(e, elem, true);
                }
            }
        } else if (t == "map") {
            if (v.is_array()) {
                throw errors::serialization(
                    "Unrecognized collection type java.util.Map<java.lang.String, "
                    "com.amazonaws.dynamodb.v20120810." +
                    s["v"].get<std::string>() + ">");
            }
            if (!v.is_object()) {
                throw errors::serialization("Unexpected field type");
            }
            const std::string value = s["v"].get<std::string>();
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!it.value().is_null()) {
                    check(it.value(), value, true);
                }
            }
        } else {
            check_scalar(v, t);
        }
    }

    void check_members(json& obj, const json& s) {
        for (const auto& m : s["m"]) {
            const std::string name = m[0].get<std::string>();
            auto it = obj.find(name);
            if (it == obj.end()) {
                continue;
            }
            if (it->is_null()) {
                obj.erase(it);
                continue;
            }
            check(*it, m[1].get<std::string>());
        }
    }

  private:
    void check_scalar(json& v, const std::string& t) {
        const std::string java = java_type(t);
        auto collection = [&](const std::string& cls) {
            throw errors::serialization("Unrecognized collection type class " + cls);
        };
        auto structure = [] {
            throw errors::serialization("Start of structure or map found where not expected");
        };
        if (t == "blob") {
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
            valid_base64(v.get<std::string>());
            return;
        }
        if (v.is_array()) {
            collection("java.lang." + java);
        }
        if (v.is_object()) {
            structure();
        }
        if (t == "string") {
            if (v.is_boolean()) {
                throw errors::serialization(std::string(v.get<bool>() ? "TRUE" : "FALSE") +
                                            "_VALUE cannot be converted to String");
            }
            if (v.is_number()) {
                throw errors::serialization(number_kind(v) + " cannot be converted to String");
            }
        } else if (t == "boolean") {
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
        } else if (t == "integer" || t == "long" || t == "double") {
            if (v.is_boolean()) {
                throw errors::serialization(std::string(v.get<bool>() ? "TRUE" : "FALSE") +
                                            "_VALUE cannot be converted to " + java);
            }
            if (v.is_string()) {
                throw errors::serialization("STRING_VALUE cannot be converted to " + java);
            }
            if (t != "double" && v.is_number_float()) {
                v = static_cast<std::int64_t>(std::floor(v.get<double>()));
            }
        }
        // timestamps: accepted as sent (only backup operations take them)
    }

    const json& shapes_;
};

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

const std::regex& compiled(const std::string& pattern) {
    static std::mutex mutex;
    static std::unordered_map<std::string, std::regex> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(pattern);
    if (it == cache.end()) {
        it = cache.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
    }
    return it->second;
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

// The members of structure `shape_name` in the order DynamoDB checks them.
std::vector<const json*> ordered_members(const std::string& shape_name, const json& s) {
    std::vector<const json*> out;
    auto it = member_orders().find(shape_name);
    if (it != member_orders().end()) {
        for (const auto& name : it->second) {
            for (const auto& m : s["m"]) {
                if (m[0] == name) {
                    out.push_back(&m);
                }
            }
        }
    }
    for (const auto& m : s["m"]) {
        if (std::find(out.begin(), out.end(), &m) == out.end()) {
            out.push_back(&m);
        }
    }
    return out;
}

class validator {
  public:
    explicit validator(const json& shapes) : shapes_(shapes) {}

    void members(const json& obj, const std::string& shape_name, const std::string& parent) {
        for (const json* member : ordered_members(shape_name, shapes_[shape_name])) {
            const json& m = *member;
            const std::string name = m[0].get<std::string>();
            const std::string path = (parent.empty() ? "" : parent + ".") + lower_first(name);
            auto it = obj.find(name);
            if (it == obj.end()) {
                if (m[2].get<bool>()) {
                    add(json(), path, "Member must not be null");
                }
                continue;
            }
            value(*it, m[1].get<std::string>(), path);
        }
    }

    void value(const json& v, const std::string& shape_name, const std::string& path) {
        if (errors_.size() >= 10) {
            return;
        }
        const json& s = shapes_[shape_name];
        const std::string t = s["t"].get<std::string>();
        if (t == "string") {
            auto text = v.get<std::string>();
            if (s.contains("enum")) {
                bool ok = false;
                std::string set;
                for (const auto& e : s["enum"]) {
                    ok = ok || e == text;
                }
                auto order = enum_orders().find(shape_name);
                for (const auto& e :
                     order != enum_orders().end() ? json(order->second) : s["enum"]) {
                    set += (set.empty() ? "" : ", ") + e.get<std::string>();
                }
                if (!ok) {
                    add(v, path, "Member must satisfy enum value set: [" + set + "]");
                }
            }
            if (s.contains("pattern") &&
                !std::regex_match(text, compiled(s["pattern"].get<std::string>()))) {
                add(v, path,
                    "Member must satisfy regular expression pattern: " +
                        s["pattern"].get<std::string>());
            }
            length(v, s, path, utf16_length(text));
        } else if (t == "blob") {
            length(v, s, path, v.get<std::string>().size() * 3 / 4);
        } else if (t == "integer" || t == "long") {
            auto n = v.is_number() ? v.get<std::int64_t>() : 0;
            if (s.contains("min") && n < s["min"].get<std::int64_t>()) {
                add(v, path, "Member must have value greater than or equal to " + s["min"].dump());
            }
            if (s.contains("max") && n > s["max"].get<std::int64_t>()) {
                add(v, path, "Member must have value less than or equal to " + s["max"].dump());
            }
        } else if (t == "list") {
            length(v, s, path, v.size());
            const std::string elem = s["e"].get<std::string>();
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (shapes_[elem]["t"] == "structure" && !v[i].is_null()) {
                    members(v[i], elem, path + "." + std::to_string(i + 1) + ".member");
                } else if (!v[i].is_null()) {
                    value(v[i], elem, path + "." + std::to_string(i + 1) + ".member");
                }
            }
        } else if (t == "map") {
            length(v, s, path, v.size());
            map_entries(v, s, path);
            const std::string val = s["v"].get<std::string>();
            const json& vs = shapes_[val];
            for (auto it = v.begin(); it != v.end(); ++it) {
                const std::string at = path + "." + it.key() + ".member";
                if (vs["t"] == "structure" && val != "AttributeValue") {
                    members(it.value(), val, at);
                } else if (vs["t"] == "list" &&
                           shapes_[vs["e"].get<std::string>()]["t"] == "structure") {
                    const std::string elem = vs["e"].get<std::string>();
                    for (std::size_t i = 0; i < it.value().size(); ++i) {
                        if (!it.value()[i].is_null()) {
                            members(it.value()[i], elem,
                                    at + "." + std::to_string(i + 1) + ".member");
                        }
                    }
                }
            }
        } else if (t == "structure" && shape_name != "AttributeValue") {
            members(v, shape_name, path);
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
    static std::size_t utf16_length(const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) {
            if ((c & 0xC0) != 0x80) {
                n += c >= 0xF0 ? 2 : 1;
            }
        }
        return n;
    }
    void length(const json& v, const json& s, const std::string& path, std::size_t n) {
        if (s.contains("min") && n < s["min"].get<std::size_t>()) {
            add(v, path, "Member must have length greater than or equal to " + s["min"].dump());
        }
        if (s.contains("max") && n > s["max"].get<std::size_t>()) {
            add(v, path, "Member must have length less than or equal to " + s["max"].dump());
        }
    }
    // Coral checks a map's keys and values as a whole: one error for the keys, one for the
    // values, each listing every constraint of the key (value) shape.
    void map_entries(const json& v, const json& s, const std::string& path) {
        const json& ks = shapes_[s["k"].get<std::string>()];
        const json& vs = shapes_[s["v"].get<std::string>()];
        bool keys_ok = true;
        bool values_ok = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            std::size_t n = utf16_length(it.key());
            keys_ok = keys_ok && !(ks.contains("min") && n < ks["min"].get<std::size_t>()) &&
                      !(ks.contains("max") && n > ks["max"].get<std::size_t>()) &&
                      !(ks.contains("pattern") &&
                        !std::regex_match(it.key(), compiled(ks["pattern"].get<std::string>())));
            if ((vs["t"] == "list" || vs["t"] == "map") && !it.value().is_null()) {
                std::size_t m = it.value().size();
                values_ok = values_ok &&
                            !(vs.contains("min") && m < vs["min"].get<std::size_t>()) &&
                            !(vs.contains("max") && m > vs["max"].get<std::size_t>());
            }
        }
        if (!keys_ok) {
            add(v, path, "Map keys must satisfy constraint: [" + constraints_of(ks) + "]");
        }
        if (!values_ok) {
            add(v, path, "Map value must satisfy constraint: [" + constraints_of(vs) + "]");
        }
    }
    static std::string constraints_of(const json& s) {
        std::string out;
        auto put = [&](const std::string& c) { out += (out.empty() ? "" : ", ") + c; };
        if (s.contains("max")) {
            put("Member must have length less than or equal to " + s["max"].dump());
        }
        if (s.contains("min")) {
            put("Member must have length greater than or equal to " + s["min"].dump());
        }
        if (s.contains("pattern")) {
            put("Member must satisfy regular expression pattern: " +
                s["pattern"].get<std::string>());
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

    const json& shapes_;
    std::vector<std::string> errors_;
};

// Operations whose TableName is checked before the other members, with its own messages.
bool table_name_first(std::string_view op) {
    return op == "CreateTable" || op == "DeleteTable" || op == "DescribeTable" ||
           op == "UpdateTable" || op == "DescribeTimeToLive" || op == "UpdateTimeToLive";
}

} // namespace

bool has_operation(std::string_view api, std::string_view operation) {
    const json& ops = model()[std::string(api)]["ops"];
    return ops.contains(std::string(operation));
}

void check_request(std::string_view api, std::string_view operation, json& body) {
    const json& shapes = shapes_of(api);
    const std::string input = model()[std::string(api)]["ops"][std::string(operation)];
    const json& s = shapes[input];
    type_checker(shapes).check_members(body, s);
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
    validator v(shapes);
    v.members(body, input, "");
    v.finish();
}

} // namespace cloudbox::services::dynamodb::model
