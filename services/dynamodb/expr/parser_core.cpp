// The tokenizer, the expression reader shared by every parser, and ExpressionAttributeNames /
// ExpressionAttributeValues bookkeeping.
#include "dynamodb/expr/parser_core.hpp"

#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expr_errors.hpp"

#include <cctype>

namespace cloudbox::services::dynamodb {

namespace {

bool is_word_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_word_part(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool valid_placeholder(std::string_view key, char sigil) {
    if (key.size() < 2 || key[0] != sigil) {
        return false;
    }
    for (char c : key.substr(1)) {
        if (!is_word_part(c)) {
            return false;
        }
    }
    return true;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

} // namespace

std::string document_path::to_string() const {
    std::string out = "[";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        out += i ? ", " : "";
        out += steps[i].is_index ? "[" + std::to_string(steps[i].index) + "]" : steps[i].name;
    }
    return out + "]";
}

std::string_view expression_name(expression_kind kind) {
    switch (kind) {
    case expression_kind::condition:
        return "ConditionExpression";
    case expression_kind::filter:
        return "FilterExpression";
    case expression_kind::key_condition:
        return "KeyConditionExpression";
    case expression_kind::projection:
        return "ProjectionExpression";
    case expression_kind::update:
        return "UpdateExpression";
    }
    return "ConditionExpression";
}

expression_attributes::expression_attributes(const json& names, const json& values) {
    if (!names.is_null()) {
        if (!names.is_object()) {
            throw serialization_error("Expected map or null");
        }
        names_given_ = true;
        if (names.empty()) {
            throw validation_error("ExpressionAttributeNames must not be empty");
        }
        for (const auto& [key, name] : names.items()) {
            if (!valid_placeholder(key, '#')) {
                throw validation_error(
                    "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key +
                    "\"");
            }
            if (!name.is_string()) {
                throw serialization_error("Unexpected value type in payload");
            }
            if (name.get<std::string>().empty()) {
                throw validation_error(
                    "ExpressionAttributeNames contains invalid value: Empty attribute name for "
                    "key " +
                    key);
            }
            names_.emplace(key, name.get<std::string>());
        }
    }
    if (!values.is_null()) {
        if (!values.is_object()) {
            throw serialization_error("Expected map or null");
        }
        values_given_ = true;
        if (values.empty()) {
            throw validation_error("ExpressionAttributeValues must not be empty");
        }
        for (const auto& [key, value] : values.items()) {
            if (!valid_placeholder(key, ':')) {
                throw validation_error(
                    "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key +
                    "\"");
            }
        }
        for (const auto& [key, value] : values.items()) {
            try {
                validate_attribute_value(value);
            } catch (const core::aws_error& e) {
                if (e.code != "ValidationException") {
                    throw;
                }
                throw validation_error("ExpressionAttributeValues contains invalid value: " +
                                       e.message + " for key " + key);
            }
            values_.emplace(key, normalize_attribute_value(value));
        }
    }
}

const std::string* expression_attributes::name(std::string_view placeholder) {
    auto it = names_.find(placeholder);
    if (it == names_.end()) {
        return nullptr;
    }
    used_names_.insert(it->first);
    return &it->second;
}

const json* expression_attributes::value(std::string_view placeholder) {
    auto it = values_.find(placeholder);
    if (it == values_.end()) {
        return nullptr;
    }
    used_values_.insert(it->first);
    return &it->second;
}

void expression_attributes::check_all_used() const {
    auto unused = [](const auto& all, const auto& used) {
        std::string keys;
        for (const auto& [key, v] : all) {
            if (!used.count(key)) {
                keys += (keys.empty() ? "" : ", ") + key;
            }
        }
        return keys;
    };
    if (auto keys = unused(names_, used_names_); !keys.empty()) {
        throw validation_error(
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + keys +
            "}");
    }
    if (auto keys = unused(values_, used_values_); !keys.empty()) {
        throw validation_error(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + keys +
            "}");
    }
}

namespace detail {

std::vector<token> tokenize(std::string_view text) {
    std::vector<token> tokens;
    std::size_t i = 0;
    auto push = [&](token_kind kind, std::size_t length) {
        tokens.push_back(token{kind, text.substr(i, length), i});
        i += length;
    };
    while (i < text.size()) {
        char c = text[i];
        char n = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else if (is_word_start(c) || c == '#' || c == ':') {
            std::size_t j = i + 1;
            while (j < text.size() && is_word_part(text[j])) {
                ++j;
            }
            push(c == '#' ? token_kind::name_ref
                          : (c == ':' ? token_kind::value_ref : token_kind::identifier),
                 j - i);
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) {
                ++j;
            }
            push(token_kind::number, j - i);
        } else if (c == '<' && n == '>') {
            push(token_kind::ne, 2);
        } else if (c == '<' && n == '=') {
            push(token_kind::le, 2);
        } else if (c == '>' && n == '=') {
            push(token_kind::ge, 2);
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
            case ',':
                kind = token_kind::comma;
                break;
            case '.':
                kind = token_kind::dot;
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
            case '+':
                kind = token_kind::plus;
                break;
            case '-':
                kind = token_kind::minus;
                break;
            default:
                break;
            }
            std::size_t length = 1;
            if (kind == token_kind::invalid) {
                // One whole UTF-8 character, so messages never cut a sequence.
                auto lead = static_cast<unsigned char>(c);
                length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
                length = std::min(length, text.size() - i);
            }
            push(kind, length);
        }
    }
    tokens.push_back(token{token_kind::end, {}, text.size()});
    return tokens;
}

std::string literal_type(const json& value) {
    if (!value.is_object() || value.empty()) {
        return "";
    }
    return std::string(type_tag(type_of(value)));
}

expression_reader::expression_reader(std::string_view text, expression_kind kind,
                                     expression_attributes& attributes)
    : text_(text), kind_(kind), attributes_(attributes) {
    if (text.empty()) {
        fail("The expression can not be empty;");
    }
    if (text.size() > max_expression_length) {
        fail("Expression size has exceeded the maximum allowed size; expression size: " +
             std::to_string(text.size()));
    }
    tokens_ = tokenize(text);
}

const token& expression_reader::peek(std::size_t ahead) const {
    std::size_t at = std::min(index_ + ahead, tokens_.size() - 1);
    return tokens_[at];
}

const token& expression_reader::next() {
    const token& t = tokens_[index_];
    if (index_ + 1 < tokens_.size()) {
        ++index_;
    }
    return t;
}

bool expression_reader::at_keyword(std::string_view keyword, std::size_t ahead) const {
    const token& t = peek(ahead);
    return t.kind == token_kind::identifier && iequals_ascii(t.text, keyword);
}

void expression_reader::expect(token_kind kind) {
    if (!at(kind)) {
        syntax_error();
    }
    next();
}

void expression_reader::fail(const std::string& reason) const {
    throw validation_error("Invalid " + std::string(expression_name(kind_)) + ": " + reason);
}

void expression_reader::syntax_error() const {
    const token& t = peek();
    std::string shown = t.kind == token_kind::end ? "<EOF>" : std::string(t.text);
    // DynamoDB shows the previous token through the offending one.
    std::size_t start = index_ > 0 ? tokens_[index_ - 1].pos : t.pos;
    std::size_t stop = t.kind == token_kind::end
                           ? (index_ > 0 ? tokens_[index_ - 1].pos + tokens_[index_ - 1].text.size()
                                         : text_.size())
                           : t.pos + t.text.size();
    fail("Syntax error; token: \"" + shown + "\", near: \"" +
         std::string(text_.substr(start, stop - start)) + "\"");
}

void expression_reader::record(error_slot slot, std::string message) {
    auto& entry = errors_[static_cast<std::size_t>(slot)];
    if (!entry) {
        entry = std::move(message);
    }
}

void expression_reader::throw_recorded(std::initializer_list<error_slot> order) const {
    for (error_slot slot : order) {
        const auto& entry = errors_[static_cast<std::size_t>(slot)];
        if (entry) {
            fail(*entry);
        }
    }
}

void expression_reader::enter() {
    if (++depth_ > max_expression_depth) {
        syntax_error();
    }
}

bool expression_reader::is_grammar_keyword(const token& tok) const {
    if (tok.kind != token_kind::identifier) {
        return false;
    }
    static constexpr std::string_view condition_words[] = {"AND", "OR", "NOT", "BETWEEN", "IN"};
    static constexpr std::string_view update_words[] = {"SET", "REMOVE", "ADD", "DELETE"};
    if (kind_ == expression_kind::update) {
        for (auto w : update_words) {
            if (iequals_ascii(tok.text, w)) {
                return true;
            }
        }
        return false;
    }
    if (kind_ == expression_kind::projection) {
        return false;
    }
    for (auto w : condition_words) {
        if (iequals_ascii(tok.text, w)) {
            return true;
        }
    }
    return false;
}

document_path expression_reader::parse_path() {
    document_path path;
    auto name_step = [&]() {
        const token& t = peek();
        if (t.kind == token_kind::identifier && !is_grammar_keyword(t)) {
            if (is_reserved_word(t.text)) {
                record(error_slot::reserved,
                       "Attribute name is a reserved keyword; reserved keyword: " +
                           std::string(t.text));
            }
            path.steps.push_back(path_step{false, std::string(t.text), 0});
        } else if (t.kind == token_kind::name_ref) {
            const std::string* resolved = attributes_.name(t.text);
            if (!resolved) {
                record(error_slot::attr_name, "An expression attribute name used in the document "
                                              "path is not defined; attribute name: " +
                                                  std::string(t.text));
            }
            path.steps.push_back(path_step{false, resolved ? *resolved : std::string(), 0});
        } else {
            syntax_error();
        }
        next();
    };
    name_step();
    while (true) {
        if (at(token_kind::dot)) {
            next();
            name_step();
        } else if (at(token_kind::lbracket)) {
            next();
            const token& number = peek();
            if (number.kind != token_kind::number || number.text.size() > 9) {
                syntax_error();
            }
            path.steps.push_back(path_step{true, {}, std::stoul(std::string(number.text))});
            next();
            expect(token_kind::rbracket);
        } else {
            return path;
        }
    }
}

json expression_reader::resolve_value(const token& tok) {
    const json* value = attributes_.value(tok.text);
    if (!value) {
        bool update = kind_ == expression_kind::update;
        record(update ? error_slot::attr_value : error_slot::attr_name,
               "An expression attribute value used in expression is not defined; attribute "
               "value: " +
                   std::string(tok.text));
        return json();
    }
    return *value;
}

void expression_reader::check_path_overlap(const document_path& path) {
    for (const auto& earlier : seen_paths_) {
        std::size_t common = std::min(earlier.steps.size(), path.steps.size());
        bool diverged = false;
        for (std::size_t i = 0; i < common && !diverged; ++i) {
            const auto& a = earlier.steps[i];
            const auto& b = path.steps[i];
            if (a.is_index != b.is_index) {
                record(error_slot::path_conflict,
                       "Two document paths conflict with each other; must remove or rewrite one "
                       "of these paths; path one: " +
                           earlier.to_string() + ", path two: " + path.to_string());
                diverged = true;
            } else if (!(a == b)) {
                diverged = true;
            }
        }
        if (!diverged) {
            record(error_slot::path_overlap,
                   "Two document paths overlap with each other; must remove or rewrite one of "
                   "these paths; path one: " +
                       earlier.to_string() + ", path two: " + path.to_string());
            return;
        }
    }
    seen_paths_.push_back(path);
}

} // namespace detail

} // namespace cloudbox::services::dynamodb
