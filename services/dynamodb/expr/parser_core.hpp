// Internal: the tokenizer and the reader shared by the condition, update and projection parsers
// (placeholder substitution, document paths, deferred errors ranked as DynamoDB ranks them).
#pragma once

#include "dynamodb/expr/expression_ast.hpp"
#include "dynamodb/expr/expression_parser.hpp"

#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::dynamodb::detail {

enum class token_kind {
    identifier, // [A-Za-z_][A-Za-z0-9_]*
    name_ref,   // #[A-Za-z0-9_]*
    value_ref,  // :[A-Za-z0-9_]*
    number,     // [0-9]+
    lparen,
    rparen,
    lbracket,
    rbracket,
    comma,
    dot,
    eq,
    ne,
    lt,
    le,
    gt,
    ge,
    plus,
    minus,
    invalid, // any other character
    end,
};

struct token {
    token_kind kind = token_kind::end;
    std::string_view text;
    std::size_t pos = 0;
};

std::vector<token> tokenize(std::string_view text);

// Semantic errors are recorded while parsing (first one per slot) and the highest-ranked is
// thrown at the end, so that e.g. a reserved word wins over an undefined value wherever each is.
enum class error_slot {
    parens,
    unknown_function,
    misused_function,
    section,
    reserved,
    attr_name,
    attr_value,
    path_overlap,
    path_conflict,
    operand,
    distinct,
    function,
    count_
};

// A parsed operand plus what the static checks need.
struct parsed_operand {
    operand op;
    bool is_function = false;
    std::string function_name;
    std::string static_type; // "S", "N", ... when known statically, else ""
    bool parenthesized = false;
};

class expression_reader {
  public:
    expression_reader(std::string_view text, expression_kind kind,
                      expression_attributes& attributes);

    const token& peek(std::size_t ahead = 0) const;
    const token& next();
    bool at(token_kind kind) const { return peek().kind == kind; }
    // Case-insensitive keyword test on an identifier token.
    bool at_keyword(std::string_view keyword, std::size_t ahead = 0) const;
    void expect(token_kind kind);

    [[noreturn]] void syntax_error() const; // at the current token
    [[noreturn]] void fail(const std::string& reason) const;

    void record(error_slot slot, std::string message);
    void throw_recorded(std::initializer_list<error_slot> order) const;

    // Nesting guard for the recursive parsers.
    void enter();
    void leave() { --depth_; }

    // path := (identifier | #name) ( '.' (identifier | #name) | '[' number ']' )*
    // `first` is an identifier already known not to be a function call.
    document_path parse_path();
    // :value -> the AttributeValue (null json when undefined; the error is recorded).
    json resolve_value(const token& tok);

    // Checks `path` against every path recorded so far (overlap / conflict) and records it.
    void check_path_overlap(const document_path& path);

    expression_kind kind() const { return kind_; }
    bool is_grammar_keyword(const token& tok) const;

  private:
    std::string_view text_;
    expression_kind kind_;
    expression_attributes& attributes_;
    std::vector<token> tokens_;
    std::size_t index_ = 0;
    int depth_ = 0;
    std::array<std::optional<std::string>, static_cast<std::size_t>(error_slot::count_)> errors_;
    std::vector<document_path> seen_paths_;
};

// DynamoDB's short type tag of a literal AttributeValue ("" for null / unknown).
std::string literal_type(const json& value);

} // namespace cloudbox::services::dynamodb::detail
