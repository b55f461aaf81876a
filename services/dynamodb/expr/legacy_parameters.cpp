// Legacy parameters (Expected, AttributeUpdates, KeyConditions, QueryFilter, ScanFilter,
// AttributesToGet) validated as DynamoDB does and converted to expression ASTs.
#include "dynamodb/expr/legacy_parameters.hpp"

#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expr_errors.hpp"
#include "dynamodb/expr/key_condition_internal.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace cloudbox::services::dynamodb {

namespace {

const std::string invalid = "One or more parameter values were invalid: ";

struct parameter_lists {
    std::vector<std::string_view> expression;
    std::vector<std::string_view> non_expression;
};

parameter_lists lists_for(request_kind kind) {
    switch (kind) {
    case request_kind::get_item:
        return {{"ProjectionExpression"}, {"AttributesToGet"}};
    case request_kind::put_item:
    case request_kind::delete_item:
        return {{"ConditionExpression"}, {"Expected"}};
    case request_kind::update_item:
        return {{"UpdateExpression", "ConditionExpression"}, {"AttributeUpdates", "Expected"}};
    case request_kind::query:
        return {{"ProjectionExpression", "FilterExpression", "KeyConditionExpression"},
                {"AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"}};
    case request_kind::scan:
        return {{"ProjectionExpression", "FilterExpression"},
                {"AttributesToGet", "ScanFilter", "ConditionalOperator"}};
    }
    return {};
}

bool present(const json& request, std::string_view name) {
    auto it = request.find(std::string(name));
    return it != request.end() && !it->is_null();
}

std::string join(const std::vector<std::string_view>& names, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        out += (i ? std::string(separator) : "") + std::string(names[i]);
    }
    return out;
}

std::string tag(const json& value) {
    return std::string(type_tag(type_of(value)));
}

operand path_operand(const std::string& name) {
    operand o;
    o.kind = operand_kind::path;
    o.path.steps.push_back(path_step{false, name, 0});
    return o;
}

operand value_operand(const json& value) {
    operand o;
    o.kind = operand_kind::value;
    o.value = normalize_attribute_value(value);
    return o;
}

condition combine(std::vector<condition> parts, const json& conditional_operator) {
    bool use_or =
        conditional_operator.is_string() && conditional_operator.get<std::string>() == "OR";
    condition result = std::move(parts.front());
    for (std::size_t i = 1; i < parts.size(); ++i) {
        condition node;
        node.kind = use_or ? condition_kind::or_ : condition_kind::and_;
        node.children.push_back(std::move(result));
        node.children.push_back(std::move(parts[i]));
        result = std::move(node);
    }
    return result;
}

// Argument count and type checks of one {ComparisonOperator, AttributeValueList}.
void check_comparison(const std::string& op, const json& values) {
    for (const auto& v : values) {
        validate_attribute_value(v);
    }
    std::size_t n = values.size();
    bool count_ok = false;
    if (op == "NULL" || op == "NOT_NULL") {
        count_ok = n == 0;
    } else if (op == "IN") {
        count_ok = n >= 1;
    } else if (op == "BETWEEN") {
        count_ok = n == 2;
    } else {
        count_ok = n == 1;
    }
    if (!count_ok) {
        throw validation_error(invalid + "Invalid number of argument(s) for the " + op +
                               " ComparisonOperator");
    }
    if (n == 0) {
        return;
    }
    std::string first = tag(values[0]);
    for (const auto& v : values) {
        if (tag(v) != first) {
            throw validation_error(
                invalid + "AttributeValues inside AttributeValueList must be of same type");
        }
    }
    std::vector<std::string> allowed = {"S", "N", "B"};
    if (op == "EQ" || op == "NE") {
        allowed = {"S", "N", "B", "SS", "NS", "BS", "BOOL", "NULL", "L", "M"};
    } else if (op == "BEGINS_WITH") {
        allowed = {"S", "B"};
    }
    for (const auto& v : values) {
        if (std::find(allowed.begin(), allowed.end(), tag(v)) == allowed.end()) {
            throw validation_error(invalid + "ComparisonOperator " + op + " is not valid for " +
                                   tag(v) + " AttributeValue type");
        }
    }
    if (op == "BETWEEN") {
        if (auto c = compare_values(values[0], values[1]); c && *c > 0) {
            throw validation_error("The BETWEEN condition was provided a range where the lower "
                                   "bound is greater than the upper bound");
        }
    }
}

condition comparison_condition(const std::string& name, const std::string& op, const json& values) {
    condition c;
    c.operands.push_back(path_operand(name));
    for (const auto& v : values) {
        c.operands.push_back(value_operand(v));
    }
    static const std::pair<std::string_view, comparator> comparators[] = {
        {"EQ", comparator::eq}, {"NE", comparator::ne}, {"LT", comparator::lt},
        {"LE", comparator::le}, {"GT", comparator::gt}, {"GE", comparator::ge},
    };
    for (const auto& [text, cmp] : comparators) {
        if (op == text) {
            c.kind = condition_kind::compare;
            c.op = cmp;
            return c;
        }
    }
    if (op == "NULL") {
        c.kind = condition_kind::attribute_not_exists;
    } else if (op == "NOT_NULL") {
        c.kind = condition_kind::attribute_exists;
    } else if (op == "CONTAINS") {
        c.kind = condition_kind::contains;
    } else if (op == "NOT_CONTAINS") {
        c.kind = condition_kind::legacy_not_contains;
    } else if (op == "BEGINS_WITH") {
        c.kind = condition_kind::begins_with;
    } else if (op == "IN") {
        c.kind = condition_kind::in;
    } else if (op == "BETWEEN") {
        c.kind = condition_kind::between;
    } else {
        throw validation_error(
            "1 validation error detected: Value '" + op +
            "' at 'comparisonOperator' failed to satisfy constraint: Member "
            "must satisfy enum value set: [IN, NULL, BETWEEN, LT, "
            "NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }
    return c;
}

const json& member_or_null(const json& object, const char* name) {
    static const json null_value;
    auto it = object.find(name);
    return it == object.end() ? null_value : *it;
}

std::string op_of(const json& entry) {
    const json& op = member_or_null(entry, "ComparisonOperator");
    if (!op.is_string()) {
        throw serialization_error("Unexpected value type in payload");
    }
    return op.get<std::string>();
}

const json& value_list(const json& entry) {
    static const json empty = json::array();
    const json& list = member_or_null(entry, "AttributeValueList");
    return list.is_array() ? list : empty;
}

void require_object(const json& value) {
    if (!value.is_object()) {
        throw serialization_error("Start of list found where not expected");
    }
}

// An empty Expected / filter: a condition every item meets (attribute names are never empty).
condition always_true() {
    condition always;
    always.kind = condition_kind::attribute_not_exists;
    always.operands.push_back(path_operand(""));
    return always;
}

} // namespace

void check_expression_parameters(const json& request, request_kind kind) {
    parameter_lists lists = lists_for(kind);
    std::vector<std::string_view> expressions;
    for (auto name : lists.expression) {
        if (present(request, name)) {
            expressions.push_back(name);
        }
    }
    if (!expressions.empty()) {
        std::vector<std::string_view> legacy;
        bool key_conditions_only =
            present(request, "KeyConditions") && !present(request, "KeyConditionExpression");
        for (auto name : lists.non_expression) {
            if (present(request, name) && !(key_conditions_only && name == "KeyConditions")) {
                legacy.push_back(name);
            }
        }
        if (!legacy.empty()) {
            throw validation_error(
                "Can not use both expression and non-expression parameters in the same request: "
                "Non-expression parameters: {" +
                join(legacy, ", ") + "} Expression parameters: {" + join(expressions, ", ") + "}");
        }
    }
    if (present(request, "ExpressionAttributeNames") && expressions.empty()) {
        throw validation_error("ExpressionAttributeNames can only be specified when using "
                               "expressions");
    }
    std::vector<std::string_view> value_expressions;
    for (auto name : lists.expression) {
        if (name != "ProjectionExpression") {
            value_expressions.push_back(name);
        }
    }
    bool none = std::none_of(value_expressions.begin(), value_expressions.end(),
                             [&](auto name) { return present(request, name); });
    if (!value_expressions.empty() && present(request, "ExpressionAttributeValues") && none) {
        throw validation_error("ExpressionAttributeValues can only be specified when using "
                               "expressions: " +
                               join(value_expressions, " and ") +
                               (value_expressions.size() > 1 ? " are null" : " is null"));
    }
}

condition expected_to_condition(const json& expected, const json& conditional_operator) {
    require_object(expected);
    std::vector<condition> parts;
    for (const auto& [name, entry] : expected.items()) {
        require_object(entry);
        bool has_list = !member_or_null(entry, "AttributeValueList").is_null();
        const json& value = member_or_null(entry, "Value");
        const json& exists = member_or_null(entry, "Exists");
        if (has_list && !value.is_null()) {
            throw validation_error(invalid +
                                   "Value and AttributeValueList cannot be used "
                                   "together for Attribute: " +
                                   name);
        }
        if (!member_or_null(entry, "ComparisonOperator").is_null()) {
            std::string op = op_of(entry);
            if (!exists.is_null()) {
                throw validation_error(invalid +
                                       "Exists and ComparisonOperator cannot be used "
                                       "together for Attribute: " +
                                       name);
            }
            json values = has_list ? value_list(entry) : json::array();
            if (!value.is_null()) {
                values.push_back(value);
            }
            if (op != "NULL" && op != "NOT_NULL" && values.empty() && !has_list) {
                throw validation_error(invalid +
                                       "Value or AttributeValueList must be used with "
                                       "ComparisonOperator: " +
                                       op + " for Attribute: " + name);
            }
            check_comparison(op, values);
            parts.push_back(comparison_condition(name, op, values));
            continue;
        }
        if (has_list) {
            throw validation_error(invalid +
                                   "AttributeValueList can only be used with a "
                                   "ComparisonOperator for Attribute: " +
                                   name);
        }
        bool exists_flag = !exists.is_boolean() || exists.get<bool>();
        if (exists_flag && value.is_null()) {
            throw validation_error(invalid + "Value must be provided when Exists is " +
                                   (exists.is_null() ? "null" : "true") +
                                   " for Attribute: " + name);
        }
        if (!exists_flag && !value.is_null()) {
            throw validation_error(
                invalid + "Value cannot be used when Exists is false for Attribute: " + name);
        }
        if (!exists_flag) {
            parts.push_back(comparison_condition(name, "NULL", json::array()));
        } else {
            validate_attribute_value(value);
            parts.push_back(comparison_condition(name, "EQ", json::array({value})));
        }
    }
    if (parts.empty()) {
        return always_true();
    }
    return combine(std::move(parts), conditional_operator);
}

condition filter_to_condition(const json& filter, const json& conditional_operator) {
    require_object(filter);
    std::vector<condition> parts;
    for (const auto& [name, entry] : filter.items()) {
        require_object(entry);
        std::string op = op_of(entry);
        check_comparison(op, value_list(entry));
        parts.push_back(comparison_condition(name, op, value_list(entry)));
    }
    if (parts.empty()) {
        return always_true();
    }
    return combine(std::move(parts), conditional_operator);
}

update_expression attribute_updates_to_update(const json& attribute_updates) {
    require_object(attribute_updates);
    update_expression update;
    update.legacy = true;
    for (const auto& [name, entry] : attribute_updates.items()) {
        require_object(entry);
        const json& action_json = member_or_null(entry, "Action");
        std::string action = action_json.is_string() ? action_json.get<std::string>() : "PUT";
        const json& value = member_or_null(entry, "Value");
        update_action a;
        a.path.steps.push_back(path_step{false, name, 0});
        if (value.is_null()) {
            if (action != "DELETE") {
                throw validation_error(invalid + "Only DELETE action is allowed when no attribute "
                                                 "value is specified");
            }
            a.kind = update_action_kind::remove;
            update.actions.push_back(std::move(a));
            continue;
        }
        validate_attribute_value(value);
        std::string type = tag(value);
        bool is_set = type == "SS" || type == "NS" || type == "BS";
        if (action == "PUT") {
            a.kind = update_action_kind::set;
            a.value = value_operand(value);
        } else if (action == "ADD") {
            if (type == "L") {
                // Legacy ADD appends to a list: SET a = list_append(if_not_exists(a, []), v).
                a.kind = update_action_kind::set;
                a.value.kind = operand_kind::list_append;
                operand existing;
                existing.kind = operand_kind::if_not_exists;
                existing.args.push_back(path_operand(name));
                existing.args.push_back(value_operand(json{{"L", json::array()}}));
                a.value.args.push_back(std::move(existing));
                a.value.args.push_back(value_operand(value));
            } else if (type == "N" || is_set) {
                a.kind = update_action_kind::add;
                a.value = value_operand(value);
            } else {
                throw validation_error(invalid + "ADD action is not supported for the type " +
                                       type);
            }
        } else if (action == "DELETE") {
            if (!is_set) {
                throw validation_error(invalid +
                                       "DELETE action with value is not supported for "
                                       "the type " +
                                       type);
            }
            a.kind = update_action_kind::delete_;
            a.value = value_operand(value);
        } else {
            throw validation_error("1 validation error detected: Value '" + action +
                                   "' at 'attributeUpdates." + name +
                                   ".member.action' failed to satisfy constraint: Member must "
                                   "satisfy enum value set: [ADD, PUT, DELETE]");
        }
        update.actions.push_back(std::move(a));
    }
    return update;
}

key_condition key_conditions_to_key_condition(const json& key_conditions,
                                              const key_schema& schema) {
    return detail::finish_key_condition(detail::collect_legacy_key_conditions(key_conditions),
                                        schema);
}

namespace detail {

raw_key_conditions collect_legacy_key_conditions(const json& key_conditions) {
    require_object(key_conditions);
    detail::raw_key_conditions raw;
    for (const auto& [name, entry] : key_conditions.items()) {
        require_object(entry);
        std::string op = op_of(entry);
        const json& values = value_list(entry);
        check_comparison(op, values);
        static const std::pair<std::string_view, sort_key_op> ops[] = {
            {"EQ", sort_key_op::eq},
            {"LT", sort_key_op::lt},
            {"LE", sort_key_op::le},
            {"GT", sort_key_op::gt},
            {"GE", sort_key_op::ge},
            {"BETWEEN", sort_key_op::between},
            {"BEGINS_WITH", sort_key_op::begins_with},
        };
        detail::raw_key_condition cond;
        bool indexable = false;
        for (const auto& [text, sop] : ops) {
            if (op == text) {
                cond.op = sop;
                indexable = true;
            }
        }
        if (!indexable) {
            throw validation_error("Attempted conditional constraint is not an indexable "
                                   "operation");
        }
        for (const auto& v : values) {
            cond.values.push_back(normalize_attribute_value(v));
        }
        raw.emplace(name, std::move(cond));
    }
    if (raw.size() != 1 && raw.size() != 2) {
        throw validation_error("Conditions can be of length 1 or 2 only");
    }
    return raw;
}

} // namespace detail

projection attributes_to_get_to_projection(const json& attributes_to_get) {
    if (!attributes_to_get.is_array()) {
        throw serialization_error("Expected list or null");
    }
    projection result;
    std::set<std::string> seen;
    for (const auto& name : attributes_to_get) {
        if (!name.is_string()) {
            throw serialization_error("Unexpected value type in payload");
        }
        if (!seen.insert(name.get<std::string>()).second) {
            throw validation_error(invalid +
                                   "Duplicate value in attribute name: " + name.get<std::string>());
        }
        document_path path;
        path.steps.push_back(path_step{false, name.get<std::string>(), 0});
        result.paths.push_back(std::move(path));
    }
    return result;
}

} // namespace cloudbox::services::dynamodb
