// Internal: the PartiQL tokenizer (keywords are bare words compared case-insensitively).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::dynamodb::partiql {

enum class token_kind {
    word,        // bare identifier or keyword: [A-Za-z_][A-Za-z0-9_]*
    quoted_name, // "identifier" ("" escapes a quote)
    string,      // 'literal' ('' escapes a quote)
    number,      // 12, 1.5, 1e3
    parameter,   // ?
    lparen,
    rparen,
    lbracket,
    rbracket,
    lbrace,
    rbrace,
    lbag, // <<
    rbag, // >>
    comma,
    dot,
    colon,
    star,
    plus,
    minus,
    eq,
    ne, // <> or !=
    lt,
    le,
    gt,
    ge,
    invalid,
    end,
};

struct token {
    token_kind kind = token_kind::end;
    std::string text; // names and strings unescaped; other tokens as written
    std::size_t pos = 0;
};

// Never throws: an unterminated quote or unknown character becomes an `invalid` token.
std::vector<token> tokenize(std::string_view text);

} // namespace cloudbox::services::dynamodb::partiql
