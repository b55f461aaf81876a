// SES template rendering: a small recursive Handlebars subset over nlohmann::json.
#include "ses/ses_template.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace cloudbox::services::ses {

using nlohmann::json;

namespace {

std::string_view trim_blank(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#x27;";
            break;
        case '`':
            out += "&#x60;";
            break;
        case '=':
            out += "&#x3D;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

struct tag {
    std::size_t begin = 0, end = 0; // [begin, end) covers the braces
    bool triple = false;
    std::string body; // trimmed text between the braces
};

std::optional<tag> next_tag(std::string_view text, std::size_t from) {
    auto open = text.find("{{", from);
    if (open == std::string_view::npos) {
        return std::nullopt;
    }
    tag t;
    t.begin = open;
    t.triple = text.substr(open).starts_with("{{{");
    std::string_view closer = t.triple ? "}}}" : "}}";
    auto close = text.find(closer, open + closer.size());
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    t.end = close + closer.size();
    t.body =
        std::string(trim_blank(text.substr(open + closer.size(), close - open - closer.size())));
    return t;
}

struct scope_stack {
    std::vector<const json*> frames; // innermost last
    std::optional<std::size_t> index;

    const json* lookup(std::string_view path) const {
        if (path == "this" || path == ".") {
            return frames.back();
        }
        if (path.starts_with("this.")) {
            path.remove_prefix(5);
        }
        for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
            const json* cur = *it;
            std::string_view rest = path;
            bool found = true;
            while (!rest.empty()) {
                auto dot = rest.find('.');
                std::string key(rest.substr(0, dot));
                rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
                if (!cur->is_object() || !cur->contains(key)) {
                    found = false;
                    break;
                }
                cur = &(*cur)[key];
            }
            if (found) {
                return cur;
            }
        }
        return nullptr;
    }
};

std::string scalar_text(const json* v) {
    if (v == nullptr || v->is_null()) {
        return {};
    }
    if (v->is_string()) {
        return v->get<std::string>();
    }
    return v->dump();
}

bool truthy(const json* v) {
    if (v == nullptr || v->is_null()) {
        return false;
    }
    if (v->is_boolean()) {
        return v->get<bool>();
    }
    if (v->is_string()) {
        return !v->get_ref<const std::string&>().empty();
    }
    if (v->is_number()) {
        return v->get<double>() != 0.0;
    }
    return !v->empty();
}

// Finds the {{/name}} closing the block opened just before `from`, and its top-level {{else}}.
void find_block_end(std::string_view text, std::size_t from, std::string_view name,
                    std::size_t& else_begin, std::size_t& else_end, std::size_t& close_begin,
                    std::size_t& close_end) {
    int depth = 0;
    else_begin = else_end = std::string_view::npos;
    for (auto t = next_tag(text, from); t; t = next_tag(text, t->end)) {
        if (t->body.starts_with("#")) {
            ++depth;
        } else if (t->body.starts_with("/")) {
            if (depth == 0) {
                close_begin = t->begin;
                close_end = t->end;
                return;
            }
            --depth;
        } else if (depth == 0 && t->body == "else" && else_begin == std::string_view::npos) {
            else_begin = t->begin;
            else_end = t->end;
        }
    }
    (void)name;
    close_begin = close_end = text.size();
}

void render(std::string_view text, scope_stack& scopes, bool html, std::string& out) {
    std::size_t pos = 0;
    while (auto t = next_tag(text, pos)) {
        out.append(text.substr(pos, t->begin - pos));
        pos = t->end;
        const std::string& body = t->body;
        if (body.starts_with("!")) {
            continue; // comment
        }
        if (body.starts_with("#")) {
            auto space = body.find(' ');
            std::string helper = body.substr(1, space == std::string::npos ? space : space - 1);
            std::string arg =
                space == std::string::npos ? "" : std::string(trim_blank(body.substr(space)));
            std::size_t eb, ee, cb, ce;
            find_block_end(text, t->end, helper, eb, ee, cb, ce);
            std::string_view main =
                text.substr(t->end, (eb != std::string_view::npos ? eb : cb) - t->end);
            std::string_view alt =
                eb != std::string_view::npos ? text.substr(ee, cb - ee) : std::string_view{};
            const json* value = scopes.lookup(arg);
            if (helper == "if" || helper == "unless") {
                bool take = truthy(value) == (helper == "if");
                render(take ? main : alt, scopes, html, out);
            } else if (helper == "each") {
                if (value != nullptr && (value->is_array() || value->is_object()) &&
                    !value->empty()) {
                    auto saved = scopes.index;
                    std::size_t i = 0;
                    for (const auto& item : *value) {
                        scopes.frames.push_back(&item);
                        scopes.index = i++;
                        render(main, scopes, html, out);
                        scopes.frames.pop_back();
                    }
                    scopes.index = saved;
                } else {
                    render(alt, scopes, html, out);
                }
            } else if (helper == "with") {
                if (truthy(value)) {
                    scopes.frames.push_back(value);
                    render(main, scopes, html, out);
                    scopes.frames.pop_back();
                } else {
                    render(alt, scopes, html, out);
                }
            }
            pos = ce;
            continue;
        }
        if (body.starts_with("/") || body == "else") {
            continue; // unbalanced: ignored (CreateTemplate refuses such templates)
        }
        std::string value = body == "@index" && scopes.index ? std::to_string(*scopes.index)
                                                             : scalar_text(scopes.lookup(body));
        out += html && !t->triple ? html_escape(value) : value;
    }
    out.append(text.substr(pos));
}

} // namespace

std::string render_template(std::string_view text, const json& data, bool html) {
    scope_stack scopes;
    scopes.frames.push_back(&data);
    std::string out;
    render(text, scopes, html, out);
    return out;
}

// Rendering recurses once per nested block: templates nested deeper are refused up front.
constexpr std::size_t max_block_depth = 64;

std::optional<std::string> template_syntax_error(std::string_view text) {
    std::vector<std::string> open;
    std::size_t pos = 0;
    while (true) {
        auto start = text.find("{{", pos);
        if (start == std::string_view::npos) {
            break;
        }
        auto t = next_tag(text, start);
        if (!t) {
            return "Unclosed tag starting at offset " + std::to_string(start);
        }
        if (t->body.starts_with("#")) {
            auto space = t->body.find(' ');
            open.push_back(t->body.substr(1, space == std::string::npos ? space : space - 1));
            if (open.size() > max_block_depth) {
                return "Blocks are nested more than " + std::to_string(max_block_depth) + " deep";
            }
        } else if (t->body.starts_with("/")) {
            std::string name(trim_blank(std::string_view(t->body).substr(1)));
            if (open.empty() || open.back() != name) {
                return "Unexpected closing tag {{/" + name + "}}";
            }
            open.pop_back();
        }
        pos = t->end;
    }
    if (!open.empty()) {
        return "Unclosed block {{#" + open.back() + "}}";
    }
    return std::nullopt;
}

} // namespace cloudbox::services::ses
