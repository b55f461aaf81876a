// The PartiQL reader: tokens, parameters, literals, document paths and WHERE conditions.
#include "dynamodb/partiql/partiql_reader.hpp"

#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expr_errors.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace cloudbox::services::dynamodb::partiql {

namespace {

// Deeper nesting of parentheses / NOT / literals is rejected (guards the recursion).
constexpr int max_statement_depth = 64;

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

operand value_operand(json v) {
    operand o;
    o.kind = operand_kind::value;
    o.value = std::move(v);
    return o;
}

operand path_operand(document_path p) {
    operand o;
    o.kind = operand_kind::path;
    o.path = std::move(p);
    return o;
}

condition unary(condition_kind kind, operand o) {
    condition c;
    c.kind = kind;
    c.operands.push_back(std::move(o));
    return c;
}

condition combine(condition_kind kind, condition a, condition b) {
    condition c;
    c.kind = kind;
    c.children.push_back(std::move(a));
    c.children.push_back(std::move(b));
    return c;
}

condition negate(condition inner) {
    condition c;
    c.kind = condition_kind::not_;
    c.children.push_back(std::move(inner));
    return c;
}

} // namespace

bool is_keyword(std::string_view word) {
    static constexpr std::array<std::string_view, 27> keywords{
        "select",  "from",   "where",     "and",   "or",     "not",  "in",    "between", "is",
        "missing", "null",   "true",      "false", "insert", "into", "value", "update",  "set",
        "remove",  "delete", "returning", "order", "by",     "asc",  "desc",  "exists",  "values"};
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](std::string_view k) { return iequals(k, word); });
}

reader::reader(std::string_view text, const json& parameters)
    : tokens_(tokenize(text)), parameters_(parameters) {}

const token& reader::peek(std::size_t ahead) const {
    return tokens_[std::min(index_ + ahead, tokens_.size() - 1)];
}

const token& reader::next() {
    const token& t = peek();
    if (index_ < tokens_.size() - 1) {
        ++index_;
    }
    return t;
}

bool reader::at_keyword(std::string_view keyword, std::size_t ahead) const {
    const token& t = peek(ahead);
    return t.kind == token_kind::word && iequals(t.text, keyword);
}

bool reader::accept(token_kind kind) {
    if (!at(kind)) {
        return false;
    }
    next();
    return true;
}

bool reader::accept_keyword(std::string_view keyword) {
    if (!at_keyword(keyword)) {
        return false;
    }
    next();
    return true;
}

void reader::expect(token_kind kind) {
    if (!accept(kind)) {
        unexpected();
    }
}

void reader::expect_keyword(std::string_view keyword) {
    if (!accept_keyword(keyword)) {
        unexpected();
    }
}

void reader::fail(const std::string& detail) const {
    throw validation_error(std::string(malformed_prefix) + detail);
}

void reader::unexpected() const {
    const token& t = peek();
    switch (t.kind) {
    case token_kind::end:
        fail("Unexpected end of statement");
    case token_kind::invalid:
        fail("Invalid token at position " + std::to_string(t.pos + 1));
    case token_kind::word:
        fail((is_keyword(t.text) ? "Unexpected keyword: " : "Unexpected term: ") + t.text);
    default:
        fail("Unexpected token: " + t.text);
    }
}

void reader::enter() {
    if (++depth_ > max_statement_depth) {
        fail("Statement nesting too deep");
    }
}

std::string reader::name() {
    const token& t = peek();
    if (t.kind == token_kind::quoted_name || (t.kind == token_kind::word && !is_keyword(t.text))) {
        return next().text;
    }
    unexpected();
}

document_path reader::path() {
    document_path p;
    p.steps.push_back({false, name(), 0});
    while (true) {
        if (accept(token_kind::dot)) {
            p.steps.push_back({false, name(), 0});
        } else if (accept(token_kind::lbracket)) {
            const token& t = peek();
            if (t.kind != token_kind::number || t.text.size() > 9 ||
                t.text.find_first_not_of("0123456789") != std::string::npos) {
                unexpected();
            }
            p.steps.push_back({true, {}, static_cast<std::size_t>(std::stoull(next().text))});
            expect(token_kind::rbracket);
        } else {
            return p;
        }
    }
}

json reader::bound_parameter() {
    const std::size_t position = parameters_used_++;
    if (!parameters_.is_array() || position >= parameters_.size()) {
        return json{{"NULL", true}}; // the count check at the end reports the mismatch
    }
    validate_attribute_value(parameters_[position]);
    return normalize_attribute_value(parameters_[position]);
}

void reader::check_parameter_count() const {
    const std::size_t given = parameters_.is_array() ? parameters_.size() : 0;
    if (given != parameters_used_) {
        throw validation_error("Number of parameters in request and statement don't match.");
    }
}

bool reader::at_value() const {
    switch (peek().kind) {
    case token_kind::string:
    case token_kind::number:
    case token_kind::parameter:
    case token_kind::lbrace:
    case token_kind::lbracket:
    case token_kind::lbag:
        return true;
    case token_kind::minus:
        return peek(1).kind == token_kind::number;
    case token_kind::word:
        return at_keyword("true") || at_keyword("false") || at_keyword("null");
    default:
        return false;
    }
}

json reader::bag() {
    json members = json::array();
    std::string tag;
    if (!at(token_kind::rbag)) {
        do {
            json v = value();
            std::string t = v.begin().key();
            if (t != "S" && t != "N" && t != "B") {
                fail("Sets can only contain strings, numbers or binaries");
            }
            if (!tag.empty() && t != tag) {
                fail("Sets can only contain values of one type");
            }
            tag = t;
            members.push_back(v.begin().value());
        } while (accept(token_kind::comma));
    }
    expect(token_kind::rbag);
    if (members.empty()) {
        fail("Sets cannot be empty");
    }
    return json{{tag + "S", members}};
}

json reader::value() {
    enter();
    json out;
    const token& t = peek();
    if (t.kind == token_kind::string) {
        out = {{"S", next().text}};
    } else if (t.kind == token_kind::number) {
        out = {{"N", next().text}};
    } else if (t.kind == token_kind::minus && peek(1).kind == token_kind::number) {
        next();
        out = {{"N", "-" + next().text}};
    } else if (t.kind == token_kind::parameter) {
        next();
        out = bound_parameter();
    } else if (accept_keyword("true")) {
        out = {{"BOOL", true}};
    } else if (accept_keyword("false")) {
        out = {{"BOOL", false}};
    } else if (accept_keyword("null")) {
        out = {{"NULL", true}};
    } else if (accept(token_kind::lbrace)) {
        json members = json::object();
        if (!at(token_kind::rbrace)) {
            do {
                if (!at(token_kind::string) && !at(token_kind::quoted_name)) {
                    unexpected();
                }
                std::string key = next().text;
                expect(token_kind::colon);
                members[key] = value();
            } while (accept(token_kind::comma));
        }
        expect(token_kind::rbrace);
        out = {{"M", members}};
    } else if (accept(token_kind::lbracket)) {
        json elements = json::array();
        if (!at(token_kind::rbracket)) {
            do {
                elements.push_back(value());
            } while (accept(token_kind::comma));
        }
        expect(token_kind::rbracket);
        out = {{"L", elements}};
    } else if (accept(token_kind::lbag)) {
        out = bag();
    } else {
        unexpected();
    }
    leave();
    validate_attribute_value(out);
    return normalize_attribute_value(out);
}

operand reader::condition_operand() {
    if (at_value()) {
        return value_operand(value());
    }
    if (at_keyword("size") && peek(1).kind == token_kind::lparen) {
        next();
        next();
        operand o;
        o.kind = operand_kind::size;
        o.args.push_back(path_operand(path()));
        expect(token_kind::rparen);
        return o;
    }
    return path_operand(path());
}

condition reader::where() {
    return or_expr();
}

condition reader::or_expr() {
    condition c = and_expr();
    while (accept_keyword("or")) {
        c = combine(condition_kind::or_, std::move(c), and_expr());
    }
    return c;
}

condition reader::and_expr() {
    condition c = not_expr();
    while (accept_keyword("and")) {
        c = combine(condition_kind::and_, std::move(c), not_expr());
    }
    return c;
}

condition reader::not_expr() {
    if (accept_keyword("not")) {
        enter();
        condition inner = not_expr();
        leave();
        return negate(std::move(inner));
    }
    return predicate();
}

condition reader::function_condition(const std::string& function) {
    next(); // the name
    next(); // (
    condition c;
    c.kind = iequals(function, "begins_with") ? condition_kind::begins_with
             : iequals(function, "contains")  ? condition_kind::contains
                                              : condition_kind::attribute_type;
    c.operands.push_back(path_operand(path()));
    expect(token_kind::comma);
    c.operands.push_back(condition_operand());
    expect(token_kind::rparen);
    return c;
}

condition reader::predicate() {
    if (accept(token_kind::lparen)) {
        enter();
        condition inner = where();
        leave();
        expect(token_kind::rparen);
        return inner;
    }
    if (peek().kind == token_kind::word && peek(1).kind == token_kind::lparen &&
        (at_keyword("begins_with") || at_keyword("contains") || at_keyword("attribute_type"))) {
        return function_condition(peek().text);
    }
    operand left = condition_operand();
    static constexpr std::array<std::pair<token_kind, comparator>, 6> comparisons{
        {{token_kind::eq, comparator::eq},
         {token_kind::ne, comparator::ne},
         {token_kind::lt, comparator::lt},
         {token_kind::le, comparator::le},
         {token_kind::gt, comparator::gt},
         {token_kind::ge, comparator::ge}}};
    for (const auto& [kind, op] : comparisons) {
        if (accept(kind)) {
            condition c;
            c.op = op;
            c.operands = {left, condition_operand()};
            if (op == comparator::ne && left.kind == operand_kind::path) {
                // A missing attribute is MISSING in PartiQL, never different from a value.
                return combine(condition_kind::and_, unary(condition_kind::attribute_exists, left),
                               std::move(c));
            }
            return c;
        }
    }
    const bool negated = accept_keyword("not");
    if (accept_keyword("between")) {
        condition c;
        c.kind = condition_kind::between;
        c.operands.push_back(left);
        c.operands.push_back(condition_operand());
        expect_keyword("and");
        c.operands.push_back(condition_operand());
        return negated ? negate(std::move(c)) : c;
    }
    if (accept_keyword("in")) {
        const bool bracket = accept(token_kind::lbracket);
        if (!bracket) {
            expect(token_kind::lparen);
        }
        condition c;
        c.kind = condition_kind::in;
        c.operands.push_back(left);
        do {
            c.operands.push_back(value_operand(value()));
        } while (accept(token_kind::comma));
        expect(bracket ? token_kind::rbracket : token_kind::rparen);
        return negated ? negate(std::move(c)) : c;
    }
    if (!negated && accept_keyword("is")) {
        const bool is_not = accept_keyword("not");
        if (left.kind != operand_kind::path) {
            unexpected();
        }
        condition c;
        if (accept_keyword("missing")) {
            c = unary(condition_kind::attribute_not_exists, left);
        } else if (accept_keyword("null")) {
            // NULL or MISSING, as PartiQL's IS NULL.
            condition typed = unary(condition_kind::attribute_type, left);
            typed.operands.push_back(value_operand({{"S", "NULL"}}));
            c = combine(condition_kind::or_, unary(condition_kind::attribute_not_exists, left),
                        std::move(typed));
        } else {
            unexpected();
        }
        return is_not ? negate(std::move(c)) : c;
    }
    unexpected();
}

} // namespace cloudbox::services::dynamodb::partiql
