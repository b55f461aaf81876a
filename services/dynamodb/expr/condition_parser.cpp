// ConditionExpression / FilterExpression / KeyConditionExpression grammar: OR < AND < NOT <
// comparisons, BETWEEN, IN and functions, with DynamoDB's static checks and error ranking.
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/parser_core.hpp"

namespace cloudbox::services::dynamodb {

namespace {

using detail::error_slot;
using detail::expression_reader;
using detail::parsed_operand;
using detail::token_kind;

struct function_info {
    std::string_view name;
    std::size_t arity;
};
constexpr function_info condition_functions[] = {
    {"attribute_exists", 1}, {"attribute_not_exists", 1},
    {"attribute_type", 2},   {"begins_with", 2},
    {"contains", 2},         {"size", 1},
};

std::optional<comparator> comparator_of(token_kind kind) {
    switch (kind) {
    case token_kind::eq:
        return comparator::eq;
    case token_kind::ne:
        return comparator::ne;
    case token_kind::lt:
        return comparator::lt;
    case token_kind::le:
        return comparator::le;
    case token_kind::gt:
        return comparator::gt;
    case token_kind::ge:
        return comparator::ge;
    default:
        return std::nullopt;
    }
}

std::string value_text(const json& value) {
    auto type = detail::literal_type(value);
    const json& v = value[type];
    return "{" + type + ":" + (v.is_string() ? v.get<std::string>() : v.dump()) + "}";
}

class condition_parser {
  public:
    explicit condition_parser(expression_reader& reader) : r_(reader) {}

    condition parse_or() {
        r_.enter();
        condition left = parse_and();
        while (r_.at_keyword("OR")) {
            r_.next();
            condition right = parse_and();
            condition node;
            node.kind = condition_kind::or_;
            node.children.push_back(std::move(left));
            node.children.push_back(std::move(right));
            left = std::move(node);
            group_only_ = false;
        }
        r_.leave();
        return left;
    }

  private:
    condition parse_and() {
        condition left = parse_not();
        while (r_.at_keyword("AND")) {
            r_.next();
            condition right = parse_not();
            condition node;
            node.kind = condition_kind::and_;
            node.children.push_back(std::move(left));
            node.children.push_back(std::move(right));
            left = std::move(node);
            group_only_ = false;
        }
        return left;
    }

    condition parse_not() {
        if (!r_.at_keyword("NOT")) {
            return parse_primary();
        }
        r_.next();
        r_.enter();
        condition node;
        node.kind = condition_kind::not_;
        node.children.push_back(parse_not());
        r_.leave();
        group_only_ = false;
        return node;
    }

    // True when the '(' at the current token closes on a ')' followed by a comparator, BETWEEN or
    // IN: then it groups an operand, not a condition.
    bool parenthesized_operand_ahead() const {
        int depth = 0;
        for (std::size_t k = 0;; ++k) {
            auto kind = r_.peek(k).kind;
            if (kind == token_kind::end) {
                return false;
            }
            depth += kind == token_kind::lparen ? 1 : (kind == token_kind::rparen ? -1 : 0);
            if (depth == 0) {
                const auto& after = r_.peek(k + 1);
                return comparator_of(after.kind) || r_.at_keyword("BETWEEN", k + 1) ||
                       r_.at_keyword("IN", k + 1);
            }
        }
    }

    condition parse_primary() {
        if (r_.at(token_kind::lparen) && !parenthesized_operand_ahead()) {
            r_.next();
            group_only_ = false;
            condition inner = parse_or();
            if (group_only_) {
                r_.record(error_slot::parens, "The expression has redundant parentheses;");
            }
            r_.expect(token_kind::rparen);
            group_only_ = true;
            return inner;
        }
        group_only_ = false;
        parsed_operand left = parse_operand_parens();
        if (auto op = comparator_of(r_.peek().kind)) {
            std::string op_text(r_.next().text);
            parsed_operand right = parse_operand_parens();
            check_misused({&left, &right});
            check_distinct(op_text, left, right);
            return make(condition_kind::compare, {std::move(left), std::move(right)}, *op);
        }
        if (r_.at_keyword("BETWEEN")) {
            r_.next();
            parsed_operand low = parse_operand_parens();
            if (!r_.at_keyword("AND")) {
                r_.syntax_error();
            }
            r_.next();
            parsed_operand high = parse_operand_parens();
            check_misused({&left, &low, &high});
            check_between(low, high);
            return make(condition_kind::between,
                        {std::move(left), std::move(low), std::move(high)});
        }
        if (r_.at_keyword("IN")) {
            r_.next();
            r_.expect(token_kind::lparen);
            std::vector<parsed_operand> list;
            list.push_back(std::move(left));
            list.push_back(parse_operand_parens());
            while (r_.at(token_kind::comma)) {
                r_.next();
                list.push_back(parse_operand_parens());
            }
            r_.expect(token_kind::rparen);
            for (const auto& item : list) {
                check_misused({&item});
            }
            if (list.size() - 1 > max_in_operands) {
                r_.record(error_slot::function,
                          "Too many operands for the IN operator; operator: IN, number of "
                          "operands: " +
                              std::to_string(list.size() - 1) + ", maximum: 100");
            }
            return make(condition_kind::in, std::move(list));
        }
        if (!left.is_function) {
            r_.syntax_error();
        }
        if (left.function_name == "size") {
            r_.record(error_slot::misused_function,
                      "The function is not allowed to be used this way in an expression; "
                      "function: size");
        }
        return function_condition(std::move(left));
    }

    condition make(condition_kind kind, std::vector<parsed_operand> operands,
                   comparator op = comparator::eq) {
        condition node;
        node.kind = kind;
        node.op = op;
        for (auto& o : operands) {
            node.operands.push_back(std::move(o.op));
        }
        return node;
    }

    condition function_condition(parsed_operand f) {
        static const std::pair<std::string_view, condition_kind> kinds[] = {
            {"attribute_exists", condition_kind::attribute_exists},
            {"attribute_not_exists", condition_kind::attribute_not_exists},
            {"attribute_type", condition_kind::attribute_type},
            {"begins_with", condition_kind::begins_with},
            {"contains", condition_kind::contains},
        };
        condition node;
        for (const auto& [name, kind] : kinds) {
            if (f.function_name == name) {
                node.kind = kind;
            }
        }
        node.operands = std::move(f.op.args);
        return node;
    }

    void check_misused(std::initializer_list<const parsed_operand*> operands) {
        for (const auto* o : operands) {
            if (o->is_function && o->function_name != "size") {
                r_.record(error_slot::misused_function,
                          "The function is not allowed to be used this way in an expression; "
                          "function: " +
                              o->function_name);
            }
        }
    }

    void check_distinct(const std::string& op, const parsed_operand& a, const parsed_operand& b) {
        if (a.op.kind == operand_kind::path && b.op.kind == operand_kind::path &&
            a.op.path == b.op.path) {
            r_.record(error_slot::distinct,
                      "The first operand must be distinct from the remaining operands for this "
                      "operator or function; operator: " +
                          op + ", first operand: " + a.op.path.to_string());
        }
    }

    void check_between(const parsed_operand& low, const parsed_operand& high) {
        if (low.op.kind != operand_kind::value || high.op.kind != operand_kind::value ||
            low.static_type.empty() || high.static_type.empty()) {
            return;
        }
        std::string bounds = "lower bound operand: AttributeValue: " + value_text(low.op.value) +
                             ", upper bound operand: AttributeValue: " + value_text(high.op.value);
        if (low.static_type != high.static_type) {
            r_.record(error_slot::function,
                      "The BETWEEN operator requires same data type for lower and upper bounds; " +
                          bounds);
        } else if (auto c = compare_values(low.op.value, high.op.value); c && *c > 0) {
            r_.record(error_slot::function, "The BETWEEN operator requires upper bound to be "
                                            "greater than or equal to lower bound; " +
                                                bounds);
        }
    }

    parsed_operand parse_operand_parens() {
        if (!r_.at(token_kind::lparen)) {
            return parse_operand();
        }
        r_.enter();
        r_.next();
        parsed_operand inner = parse_operand_parens();
        if (inner.parenthesized) {
            r_.record(error_slot::parens, "The expression has redundant parentheses;");
        }
        r_.expect(token_kind::rparen);
        r_.leave();
        inner.parenthesized = true;
        return inner;
    }

    parsed_operand parse_operand() {
        parsed_operand result;
        const auto& t = r_.peek();
        if (t.kind == token_kind::identifier && r_.peek(1).kind == token_kind::lparen &&
            !r_.is_grammar_keyword(t)) {
            return parse_function();
        }
        if (t.kind == token_kind::value_ref) {
            result.op.kind = operand_kind::value;
            result.op.value = r_.resolve_value(r_.next());
            result.static_type = detail::literal_type(result.op.value);
            return result;
        }
        result.op.kind = operand_kind::path;
        result.op.path = r_.parse_path();
        return result;
    }

    parsed_operand parse_function() {
        parsed_operand result;
        result.is_function = true;
        result.function_name = std::string(r_.next().text);
        r_.enter();
        r_.expect(token_kind::lparen);
        std::vector<parsed_operand> args;
        args.push_back(parse_operand_parens());
        while (r_.at(token_kind::comma)) {
            r_.next();
            args.push_back(parse_operand_parens());
        }
        r_.expect(token_kind::rparen);
        r_.leave();
        std::vector<const parsed_operand*> arg_ptrs;
        for (const auto& a : args) {
            arg_ptrs.push_back(&a);
        }
        for (const auto* a : arg_ptrs) {
            check_misused({a});
        }
        check_function(result.function_name, args);
        result.op.kind = operand_kind::size;
        for (auto& a : args) {
            result.op.args.push_back(std::move(a.op));
        }
        result.static_type = result.function_name == "size" ? "N" : "BOOL";
        return result;
    }

    void check_function(const std::string& name, const std::vector<parsed_operand>& args) {
        const function_info* info = nullptr;
        for (const auto& f : condition_functions) {
            if (f.name == name) {
                info = &f;
            }
        }
        if (!info) {
            bool update_only = name == "if_not_exists" || name == "list_append";
            r_.record(error_slot::unknown_function,
                      update_only
                          ? "The function is not allowed in a condition expression; function: " +
                                name
                          : "Invalid function name; function: " + name);
            return;
        }
        if (args.size() != info->arity) {
            r_.record(error_slot::operand,
                      "Incorrect number of operands for operator or function; operator or "
                      "function: " +
                          name + ", number of operands: " + std::to_string(args.size()));
            return;
        }
        if (args.size() == 2) {
            check_distinct(name, args[0], args[1]);
        }
        auto wrong_type = [&](const std::string& type) {
            r_.record(error_slot::function,
                      "Incorrect operand type for operator or function; operator or function: " +
                          name + ", operand type: " + type);
        };
        if (name == "attribute_exists" || name == "attribute_not_exists") {
            if (args[0].op.kind != operand_kind::path) {
                r_.record(error_slot::function,
                          "Operator or function requires a document path; operator or function: " +
                              name);
            }
        } else if (name == "begins_with") {
            for (const auto& a : args) {
                if (!a.static_type.empty() && a.static_type != "S" && a.static_type != "B") {
                    wrong_type(a.static_type);
                    return;
                }
            }
        } else if (name == "attribute_type") {
            const auto& t = args[1];
            if (t.static_type != "S") {
                wrong_type(t.static_type.empty() ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}"
                                                 : t.static_type);
            } else if (!type_from_tag(t.op.value["S"].get<std::string>())) {
                r_.record(error_slot::function,
                          "Invalid attribute type name found; type: " +
                              t.op.value["S"].get<std::string>() +
                              ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
        } else if (name == "size") {
            const auto& t = args[0].static_type;
            if (t == "N" || t == "BOOL" || t == "NULL") {
                wrong_type(t);
            }
        }
    }

    expression_reader& r_;
    bool group_only_ = false; // the last primary was a parenthesized group and nothing more
};

} // namespace

condition parse_condition(std::string_view text, expression_kind kind,
                          expression_attributes& attributes) {
    expression_reader reader(text, kind, attributes);
    condition_parser parser(reader);
    condition result = parser.parse_or();
    if (!reader.at(token_kind::end)) {
        reader.syntax_error();
    }
    reader.throw_recorded({error_slot::parens, error_slot::unknown_function,
                           error_slot::misused_function, error_slot::reserved,
                           error_slot::attr_name, error_slot::operand, error_slot::distinct,
                           error_slot::function});
    return result;
}

} // namespace cloudbox::services::dynamodb
