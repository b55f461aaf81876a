// Internal: the PartiQL token reader shared by the statement parser and the WHERE / value
// parsers (parameter binding, literals, document paths, conditions).
#pragma once

#include "dynamodb/partiql/partiql_lexer.hpp"
#include "dynamodb/partiql/partiql_statement.hpp"

#include <string_view>
#include <vector>

namespace cloudbox::services::dynamodb::partiql {

class reader {
  public:
    reader(std::string_view text, const json& parameters);

    const token& peek(std::size_t ahead = 0) const;
    const token& next();
    bool at(token_kind kind) const { return peek().kind == kind; }
    bool at_keyword(std::string_view keyword, std::size_t ahead = 0) const;
    bool accept(token_kind kind);
    bool accept_keyword(std::string_view keyword);
    void expect(token_kind kind);
    void expect_keyword(std::string_view keyword);
    [[noreturn]] void fail(const std::string& detail) const; // malformed_prefix + detail
    [[noreturn]] void unexpected() const;                    // at the current token

    // An identifier: a bare word that is not a keyword, or a "quoted" name.
    std::string name();
    // path := name ( '.' name | '[' integer ']' )*
    document_path path();
    // A literal or `?`: 'str', number, TRUE / FALSE / NULL, {'k': v}, [v], <<v>>.
    json value();
    bool at_value() const;
    // One operand of a condition: a value, a path or size(path).
    operand condition_operand();
    // expr := or ; or := and (OR and)* ; and := not (AND not)* ; not := NOT not | predicate
    condition where();

    // Throws when the number of `?` read differs from the request's parameters.
    void check_parameter_count() const;

  private:
    condition or_expr();
    condition and_expr();
    condition not_expr();
    condition predicate();
    condition function_condition(const std::string& function);
    json bag(); // << ... >> after the opening token
    json bound_parameter();
    void enter();
    void leave() { --depth_; }

    std::vector<token> tokens_;
    std::size_t index_ = 0;
    const json& parameters_;
    std::size_t parameters_used_ = 0;
    int depth_ = 0;
};

// Words that cannot be bare identifiers.
bool is_keyword(std::string_view word);

} // namespace cloudbox::services::dynamodb::partiql
