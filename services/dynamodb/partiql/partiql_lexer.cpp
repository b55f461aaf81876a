// The PartiQL tokenizer (see partiql_lexer.hpp).
#include "dynamodb/partiql/partiql_lexer.hpp"

#include <cctype>

namespace cloudbox::services::dynamodb::partiql {

namespace {

bool word_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Reads a quoted run starting at text[i] (the quote); doubled quotes escape. Returns false when
// unterminated.
bool read_quoted(std::string_view text, std::size_t& i, std::string& out) {
    const char quote = text[i++];
    while (i < text.size()) {
        if (text[i] == quote) {
            if (i + 1 < text.size() && text[i + 1] == quote) {
                out += quote;
                i += 2;
                continue;
            }
            ++i;
            return true;
        }
        out += text[i++];
    }
    return false;
}

} // namespace

std::vector<token> tokenize(std::string_view text) {
    std::vector<token> out;
    std::size_t i = 0;
    auto push = [&](token_kind kind, std::size_t start, std::size_t length) {
        out.push_back({kind, std::string(text.substr(start, length)), start});
        i = start + length;
    };
    while (i < text.size()) {
        const char c = text[i];
        const char n = i + 1 < text.size() ? text[i + 1] : '\0';
        const std::size_t start = i;
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
        } else if (word_start(c)) {
            while (i < text.size() && word_char(text[i])) {
                ++i;
            }
            push(token_kind::word, start, i - start);
        } else if (digit(c) || (c == '.' && digit(n))) {
            while (i < text.size() && (digit(text[i]) || text[i] == '.')) {
                ++i;
            }
            if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
                std::size_t j = i + 1;
                if (j < text.size() && (text[j] == '+' || text[j] == '-')) {
                    ++j;
                }
                if (j < text.size() && digit(text[j])) {
                    i = j;
                    while (i < text.size() && digit(text[i])) {
                        ++i;
                    }
                }
            }
            push(token_kind::number, start, i - start);
        } else if (c == '"' || c == '\'') {
            token t{c == '"' ? token_kind::quoted_name : token_kind::string, {}, start};
            if (!read_quoted(text, i, t.text)) {
                t.kind = token_kind::invalid;
            }
            out.push_back(std::move(t));
        } else if (c == '<' && n == '<') {
            push(token_kind::lbag, start, 2);
        } else if (c == '>' && n == '>') {
            push(token_kind::rbag, start, 2);
        } else if (c == '<' && n == '>') {
            push(token_kind::ne, start, 2);
        } else if (c == '!' && n == '=') {
            push(token_kind::ne, start, 2);
        } else if (c == '<' && n == '=') {
            push(token_kind::le, start, 2);
        } else if (c == '>' && n == '=') {
            push(token_kind::ge, start, 2);
        } else {
            token_kind kind = token_kind::invalid;
            switch (c) {
            case '(':
                kind = token_kind::lparen;
                break;
            case ')':
                kind = token_kind::rparen;
                break;
            case '[':
                kind = token_kind::lbracket;
                break;
            case ']':
                kind = token_kind::rbracket;
                break;
            case '{':
                kind = token_kind::lbrace;
                break;
            case '}':
                kind = token_kind::rbrace;
                break;
            case ',':
                kind = token_kind::comma;
                break;
            case '.':
                kind = token_kind::dot;
                break;
            case ':':
                kind = token_kind::colon;
                break;
            case '*':
                kind = token_kind::star;
                break;
            case '+':
                kind = token_kind::plus;
                break;
            case '-':
                kind = token_kind::minus;
                break;
            case '=':
                kind = token_kind::eq;
                break;
            case '<':
                kind = token_kind::lt;
                break;
            case '>':
                kind = token_kind::gt;
                break;
            case '?':
                kind = token_kind::parameter;
                break;
            default:
                break;
            }
            push(kind, start, 1);
        }
    }
    out.push_back({token_kind::end, "", text.size()});
    return out;
}

} // namespace cloudbox::services::dynamodb::partiql
