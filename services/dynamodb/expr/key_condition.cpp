// KeyConditionExpression: structural checks, schema checks, sort-key matching and byte ranges.
#include "dynamodb/expr/key_condition.hpp"

#include "dynamodb/expr/expr_errors.hpp"
#include "dynamodb/expr/key_condition_internal.hpp"

namespace cloudbox::services::dynamodb {

namespace {

using detail::raw_key_condition;
using detail::raw_key_conditions;

bool has_nested_operation(const condition& cond) {
    for (const auto& o : cond.operands) {
        if (o.kind != operand_kind::path && o.kind != operand_kind::value) {
            return true;
        }
    }
    return false;
}

// Walks the parsed expression as DynamoDB does, collecting one condition per attribute.
void collect(const condition& cond, raw_key_conditions& out) {
    switch (cond.kind) {
    case condition_kind::or_:
        throw validation_error("Invalid operator used in KeyConditionExpression: OR");
    case condition_kind::not_:
        throw validation_error("Invalid operator used in KeyConditionExpression: NOT");
    case condition_kind::in:
        throw validation_error("Invalid operator used in KeyConditionExpression: IN");
    case condition_kind::attribute_exists:
        throw validation_error("Invalid operator used in KeyConditionExpression: attribute_exists");
    case condition_kind::attribute_not_exists:
        throw validation_error(
            "Invalid operator used in KeyConditionExpression: attribute_not_exists");
    case condition_kind::attribute_type:
        throw validation_error("Invalid operator used in KeyConditionExpression: attribute_type");
    case condition_kind::contains:
    case condition_kind::legacy_not_contains:
        throw validation_error("Invalid operator used in KeyConditionExpression: contains");
    case condition_kind::and_:
        collect(cond.children[0], out);
        collect(cond.children[1], out);
        return;
    default:
        break;
    }
    if (cond.kind == condition_kind::compare && cond.op == comparator::ne) {
        throw validation_error("Invalid operator used in KeyConditionExpression: <>");
    }
    if (has_nested_operation(cond)) {
        throw validation_error("KeyConditionExpressions cannot contain nested operations");
    }
    if ((cond.kind == condition_kind::between || cond.kind == condition_kind::begins_with) &&
        cond.operands[0].kind != operand_kind::path) {
        throw validation_error(std::string("Invalid condition in KeyConditionExpression: ") +
                               (cond.kind == condition_kind::between ? "BETWEEN" : "begins_with") +
                               " operator must have the key attribute as its first operand");
    }
    std::string name;
    std::size_t path_index = 0;
    for (std::size_t i = 0; i < cond.operands.size(); ++i) {
        const auto& o = cond.operands[i];
        if (o.kind != operand_kind::path) {
            continue;
        }
        if (!name.empty()) {
            throw validation_error("Invalid condition in KeyConditionExpression: Multiple "
                                   "attribute names used in one condition");
        }
        if (o.path.steps.size() > 1) {
            throw validation_error(
                "KeyConditionExpressions cannot have conditions on nested attributes");
        }
        name = o.path.steps[0].name;
        path_index = i;
    }
    if (name.empty()) {
        throw validation_error(
            "Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    if (out.count(name)) {
        throw validation_error("KeyConditionExpressions must only contain one condition per key");
    }
    raw_key_condition raw;
    if (cond.kind == condition_kind::between) {
        raw.op = sort_key_op::between;
        raw.values = {cond.operands[1].value, cond.operands[2].value};
    } else if (cond.kind == condition_kind::begins_with) {
        raw.op = sort_key_op::begins_with;
        raw.values = {cond.operands[1].value};
    } else {
        // `:v < key` is `key > :v`.
        comparator op = cond.op;
        if (path_index != 0) {
            op = op == comparator::lt   ? comparator::gt
                 : op == comparator::le ? comparator::ge
                 : op == comparator::gt ? comparator::lt
                 : op == comparator::ge ? comparator::le
                                        : op;
        }
        raw.op = op == comparator::eq   ? sort_key_op::eq
                 : op == comparator::lt ? sort_key_op::lt
                 : op == comparator::le ? sort_key_op::le
                 : op == comparator::gt ? sort_key_op::gt
                                        : sort_key_op::ge;
        raw.values = {cond.operands[1 - path_index].value};
    }
    out.emplace(name, std::move(raw));
}

} // namespace

namespace detail {

key_condition finish_key_condition(const raw_key_conditions& conditions, const key_schema& schema) {
    if (conditions.size() != 1 && conditions.size() != 2) {
        throw validation_error("Conditions can be of length 1 or 2 only");
    }
    auto partition = conditions.find(schema.partition_key);
    if (partition == conditions.end()) {
        throw validation_error("Query condition missed key schema element: " +
                               schema.partition_key);
    }
    for (const auto& [name, cond] : conditions) {
        if (name != schema.partition_key && (!schema.sort_key || name != *schema.sort_key)) {
            if (schema.sort_key) {
                throw validation_error("Query condition missed key schema element: " +
                                       *schema.sort_key);
            }
            throw validation_error("Query key condition not supported");
        }
    }
    if (partition->second.op != sort_key_op::eq) {
        throw validation_error("Query key condition not supported");
    }
    auto type_mismatch = [] {
        return validation_error("One or more parameter values were invalid: Condition parameter "
                                "type does not match schema type");
    };
    key_condition result;
    result.partition_value = partition->second.values.at(0);
    if (type_of(result.partition_value) != schema.partition_type) {
        throw type_mismatch();
    }
    if (schema.sort_key) {
        auto sort = conditions.find(*schema.sort_key);
        if (sort != conditions.end()) {
            sort_key_condition sc;
            sc.op = sort->second.op;
            sc.value = sort->second.values.at(0);
            if (sort->second.values.size() > 1) {
                sc.value2 = sort->second.values[1];
            }
            for (const auto& v : sort->second.values) {
                if (type_of(v) != schema.sort_type) {
                    throw type_mismatch();
                }
            }
            result.sort = std::move(sc);
        }
    }
    return result;
}

} // namespace detail

namespace detail {

raw_key_conditions collect_key_conditions(const condition& tree) {
    raw_key_conditions conditions;
    collect(tree, conditions);
    if (conditions.size() != 1 && conditions.size() != 2) {
        throw validation_error("Conditions can be of length 1 or 2 only");
    }
    return conditions;
}

} // namespace detail

key_condition parse_key_condition(std::string_view text, expression_attributes& attributes,
                                  const key_schema& schema) {
    condition tree = parse_condition(text, expression_kind::key_condition, attributes);
    return detail::finish_key_condition(detail::collect_key_conditions(tree), schema);
}

bool sort_key_matches(const sort_key_condition& cond, const json& value) {
    auto c = compare_values(value, cond.value);
    switch (cond.op) {
    case sort_key_op::eq:
        return c && *c == 0;
    case sort_key_op::lt:
        return c && *c < 0;
    case sort_key_op::le:
        return c && *c <= 0;
    case sort_key_op::gt:
        return c && *c > 0;
    case sort_key_op::ge:
        return c && *c >= 0;
    case sort_key_op::between: {
        auto upper = compare_values(value, cond.value2);
        return c && upper && *c >= 0 && *upper <= 0;
    }
    case sort_key_op::begins_with: {
        if (!c) {
            return false;
        }
        std::string bytes = encode_key_bytes(value);
        std::string prefix = encode_key_bytes(cond.value);
        return bytes.compare(0, prefix.size(), prefix) == 0 && bytes.size() >= prefix.size();
    }
    }
    return false;
}

key_byte_range sort_key_byte_range(const sort_key_condition& cond) {
    key_byte_range range;
    std::string bound = encode_key_bytes(cond.value);
    switch (cond.op) {
    case sort_key_op::eq:
        range.lower = bound;
        range.upper = bound;
        break;
    case sort_key_op::lt:
    case sort_key_op::le:
        range.upper = bound;
        range.upper_inclusive = cond.op == sort_key_op::le;
        break;
    case sort_key_op::gt:
    case sort_key_op::ge:
        range.lower = bound;
        range.lower_inclusive = cond.op == sort_key_op::ge;
        break;
    case sort_key_op::between:
        range.lower = bound;
        range.upper = encode_key_bytes(cond.value2);
        break;
    case sort_key_op::begins_with:
        range.lower = bound;
        range.upper = prefix_successor(bound);
        range.upper_inclusive = false;
        break;
    }
    return range;
}

} // namespace cloudbox::services::dynamodb
