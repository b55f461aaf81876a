// UpdateExpression (SET / REMOVE / ADD / DELETE clauses) and ProjectionExpression grammars.
#include "dynamodb/expr/parser_core.hpp"

#include <map>

namespace cloudbox::services::dynamodb {

namespace {

using detail::error_slot;
using detail::expression_reader;
using detail::parsed_operand;
using detail::token_kind;

std::string long_type_name(const std::string& tag) {
    static const std::map<std::string, std::string> names = {
        {"S", "STRING"},      {"N", "NUMBER"},      {"B", "BINARY"}, {"NULL", "NULL"},
        {"BOOL", "BOOLEAN"},  {"L", "LIST"},        {"M", "MAP"},    {"SS", "STRING_SET"},
        {"NS", "NUMBER_SET"}, {"BS", "BINARY_SET"},
    };
    auto it = names.find(tag);
    return it == names.end() ? tag : it->second;
}

class update_parser {
  public:
    explicit update_parser(expression_reader& reader) : r_(reader) {}

    update_expression parse() {
        update_expression result;
        std::map<std::string, bool> seen;
        do {
            std::string clause;
            for (std::string_view word : {"SET", "REMOVE", "ADD", "DELETE"}) {
                if (r_.at_keyword(word)) {
                    clause = std::string(word);
                }
            }
            if (clause.empty()) {
                r_.syntax_error();
            }
            r_.next();
            if (seen[clause]) {
                r_.record(error_slot::section, "The \"" + clause +
                                                   "\" section can only be used once in an update "
                                                   "expression;");
            }
            seen[clause] = true;
            parse_actions(clause, result);
        } while (!r_.at(token_kind::end));
        return result;
    }

  private:
    void parse_actions(const std::string& clause, update_expression& out) {
        while (true) {
            update_action action;
            action.path = r_.parse_path();
            if (clause == "SET") {
                action.kind = update_action_kind::set;
                r_.expect(token_kind::eq);
                action.value = parse_set_value().op;
            } else if (clause == "REMOVE") {
                action.kind = update_action_kind::remove;
            } else {
                bool add = clause == "ADD";
                action.kind = add ? update_action_kind::add : update_action_kind::delete_;
                if (!r_.at(token_kind::value_ref)) {
                    r_.syntax_error();
                }
                action.value.kind = operand_kind::value;
                action.value.value = r_.resolve_value(r_.next());
                check_add_delete_operand(clause, action.value.value);
            }
            r_.check_path_overlap(action.path);
            out.actions.push_back(std::move(action));
            if (!r_.at(token_kind::comma)) {
                return;
            }
            r_.next();
        }
    }

    void check_add_delete_operand(const std::string& clause, const json& value) {
        std::string type = detail::literal_type(value);
        if (type.empty()) {
            return;
        }
        bool is_set = type == "SS" || type == "NS" || type == "BS";
        if (is_set || (clause == "ADD" && type == "N")) {
            return;
        }
        r_.record(error_slot::operand,
                  "Incorrect operand type for operator or function; operator: " + clause +
                      ", operand type: " + long_type_name(type) + ", typeSet: ALLOWED_FOR_" +
                      clause + "_OPERAND");
    }

    parsed_operand parse_set_value() {
        if (r_.at(token_kind::lparen)) {
            // '(' a + b ')' or a parenthesized operand: both parse as a grouped set value.
            r_.enter();
            r_.next();
            parsed_operand inner = parse_arithmetic();
            r_.expect(token_kind::rparen);
            r_.leave();
            if (r_.at(token_kind::plus) || r_.at(token_kind::minus)) {
                return arithmetic_tail(std::move(inner));
            }
            return inner;
        }
        return parse_arithmetic();
    }

    parsed_operand parse_arithmetic() {
        parsed_operand left = parse_operand_parens();
        if (r_.at(token_kind::plus) || r_.at(token_kind::minus)) {
            return arithmetic_tail(std::move(left));
        }
        return left;
    }

    parsed_operand arithmetic_tail(parsed_operand left) {
        bool plus = r_.next().kind == token_kind::plus;
        parsed_operand right = parse_operand_parens();
        std::string name = plus ? "+" : "-";
        for (const auto* side : {&left, &right}) {
            if (side->op.kind == operand_kind::value && !side->static_type.empty() &&
                side->static_type != "N") {
                record_type(name, side->static_type);
                break;
            }
        }
        parsed_operand result;
        result.op.kind = plus ? operand_kind::plus : operand_kind::minus;
        result.op.args.push_back(std::move(left.op));
        result.op.args.push_back(std::move(right.op));
        result.static_type = "N";
        return result;
    }

    void record_type(const std::string& name, const std::string& type) {
        r_.record(error_slot::function,
                  "Incorrect operand type for operator or function; operator or function: " + name +
                      ", operand type: " + type);
    }

    parsed_operand parse_operand_parens() {
        if (!r_.at(token_kind::lparen)) {
            return parse_operand();
        }
        r_.enter();
        r_.next();
        parsed_operand inner = parse_operand();
        r_.expect(token_kind::rparen);
        r_.leave();
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
        const std::string& name = result.function_name;
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
        if (name == "if_not_exists" || name == "list_append") {
            result.op.kind =
                name == "if_not_exists" ? operand_kind::if_not_exists : operand_kind::list_append;
            if (args.size() != 2) {
                r_.record(error_slot::function,
                          "Incorrect number of operands for operator or function; operator or "
                          "function: " +
                              name + ", number of operands: " + std::to_string(args.size()));
            } else if (name == "if_not_exists") {
                if (args[0].op.kind != operand_kind::path) {
                    r_.record(error_slot::function, "Operator or function requires a document "
                                                    "path; operator or function: " +
                                                        name);
                }
                result.static_type = args[1].static_type;
            } else {
                for (const auto& a : args) {
                    if (a.op.kind == operand_kind::value && !a.static_type.empty() &&
                        a.static_type != "L") {
                        record_type(name, a.static_type);
                        break;
                    }
                }
                result.static_type = "L";
            }
        } else {
            bool condition_only = name == "attribute_exists" || name == "attribute_not_exists" ||
                                  name == "attribute_type" || name == "begins_with" ||
                                  name == "contains" || name == "size";
            r_.record(error_slot::unknown_function,
                      condition_only
                          ? "The function is not allowed in an update expression; function: " + name
                          : "Invalid function name; function: " + name);
        }
        for (auto& a : args) {
            result.op.args.push_back(std::move(a.op));
        }
        return result;
    }

    expression_reader& r_;
};

} // namespace

std::vector<document_path> update_expression::target_paths() const {
    std::vector<document_path> paths;
    for (const auto& action : actions) {
        paths.push_back(action.path);
    }
    return paths;
}

update_expression parse_update(std::string_view text, expression_attributes& attributes) {
    expression_reader reader(text, expression_kind::update, attributes);
    update_parser parser(reader);
    update_expression result = parser.parse();
    reader.throw_recorded({error_slot::reserved, error_slot::unknown_function, error_slot::section,
                           error_slot::attr_name, error_slot::attr_value, error_slot::path_overlap,
                           error_slot::path_conflict, error_slot::operand, error_slot::function});
    return result;
}

projection parse_projection(std::string_view text, expression_attributes& attributes) {
    expression_reader reader(text, expression_kind::projection, attributes);
    projection result;
    while (true) {
        result.paths.push_back(reader.parse_path());
        reader.check_path_overlap(result.paths.back());
        if (!reader.at(token_kind::comma)) {
            break;
        }
        reader.next();
    }
    if (!reader.at(token_kind::end)) {
        reader.syntax_error();
    }
    reader.throw_recorded({error_slot::reserved, error_slot::attr_name, error_slot::path_overlap,
                           error_slot::path_conflict});
    return result;
}

} // namespace cloudbox::services::dynamodb
