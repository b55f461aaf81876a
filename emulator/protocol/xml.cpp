// A small XML writer and a strict, non-validating XML parser.
#include "protocol/xml.hpp"

#include "core/encoding.hpp"

#include <cstdint>

namespace cloudbox::protocol {

xml_writer::xml_writer(bool declaration) {
    if (declaration) {
        out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }
}

xml_writer& xml_writer::open(std::string_view name, std::string_view attrs) {
    out_.push_back('<');
    out_.append(name);
    if (!attrs.empty()) {
        out_.push_back(' ');
        out_.append(attrs);
    }
    out_.push_back('>');
    stack_.emplace_back(name);
    return *this;
}

xml_writer& xml_writer::close() {
    out_.append("</").append(stack_.back()).push_back('>');
    stack_.pop_back();
    return *this;
}

xml_writer& xml_writer::element(std::string_view name, std::string_view text) {
    out_.push_back('<');
    out_.append(name).push_back('>');
    out_.append(core::xml_escape(text));
    out_.append("</").append(name).push_back('>');
    return *this;
}

xml_writer& xml_writer::text(std::string_view text) {
    out_.append(core::xml_escape(text));
    return *this;
}

xml_writer& xml_writer::element(std::string_view name, long long value) {
    return element(name, std::to_string(value));
}

std::string xml_writer::str() && {
    while (!stack_.empty()) {
        close();
    }
    return std::move(out_);
}

const xml_node* xml_node::child(std::string_view child_name) const {
    for (const auto& c : children) {
        if (c.name == child_name) {
            return &c;
        }
    }
    return nullptr;
}

std::vector<const xml_node*> xml_node::children_named(std::string_view child_name) const {
    std::vector<const xml_node*> out;
    for (const auto& c : children) {
        if (c.name == child_name) {
            out.push_back(&c);
        }
    }
    return out;
}

std::optional<std::string> xml_node::child_text(std::string_view child_name) const {
    if (const auto* c = child(child_name)) {
        return c->text;
    }
    return std::nullopt;
}

namespace {

constexpr int max_depth = 64;

class parser {
  public:
    explicit parser(std::string_view doc) : s_(doc) {}

    std::optional<xml_node> document() {
        skip_misc();
        if (!at("<")) {
            return std::nullopt;
        }
        xml_node root;
        if (!element(root, 0)) {
            return std::nullopt;
        }
        skip_misc();
        if (pos_ != s_.size()) {
            return std::nullopt;
        }
        return root;
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;

    bool at(std::string_view t) const { return s_.substr(pos_).starts_with(t); }

    void skip_space() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) {
            ++pos_;
        }
    }

    bool skip_past(std::string_view end) {
        auto p = s_.find(end, pos_);
        if (p == std::string_view::npos) {
            pos_ = s_.size();
            return false;
        }
        pos_ = p + end.size();
        return true;
    }

    // Whitespace, comments and processing instructions around the root element.
    void skip_misc() {
        for (;;) {
            skip_space();
            if (at("<?")) {
                if (!skip_past("?>")) {
                    return;
                }
            } else if (at("<!--")) {
                if (!skip_past("-->")) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    static bool name_char(char c) {
        return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '>' && c != '/' &&
               c != '=' && c != '<' && c != '"' && c != '\'';
    }

    bool read_name(std::string& out) {
        std::size_t start = pos_;
        while (pos_ < s_.size() && name_char(s_[pos_])) {
            ++pos_;
        }
        if (pos_ == start) {
            return false;
        }
        out.assign(s_.substr(start, pos_ - start));
        return true;
    }

    static std::string local(const std::string& qname) {
        auto colon = qname.find(':');
        return colon == std::string::npos ? qname : qname.substr(colon + 1);
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    // Decodes character data up to the next '<' (or the quote for attributes).
    bool char_data(std::string& out, char stop) {
        while (pos_ < s_.size() && s_[pos_] != stop) {
            char c = s_[pos_];
            if (c == '<') {
                return false; // only possible inside attribute values
            }
            if (c != '&') {
                out.push_back(c);
                ++pos_;
                continue;
            }
            auto semi = s_.find(';', pos_);
            if (semi == std::string_view::npos || semi - pos_ > 10) {
                return false;
            }
            std::string_view ent = s_.substr(pos_ + 1, semi - pos_ - 1);
            pos_ = semi + 1;
            if (ent == "lt") {
                out.push_back('<');
            } else if (ent == "gt") {
                out.push_back('>');
            } else if (ent == "amp") {
                out.push_back('&');
            } else if (ent == "quot") {
                out.push_back('"');
            } else if (ent == "apos") {
                out.push_back('\'');
            } else if (ent.size() > 1 && ent[0] == '#') {
                bool hex = ent[1] == 'x';
                std::uint32_t cp = 0;
                std::string_view digits = ent.substr(hex ? 2 : 1);
                if (digits.empty()) {
                    return false;
                }
                for (char d : digits) {
                    int v = (d >= '0' && d <= '9')          ? d - '0'
                            : (hex && d >= 'a' && d <= 'f') ? d - 'a' + 10
                            : (hex && d >= 'A' && d <= 'F') ? d - 'A' + 10
                                                            : -1;
                    if (v < 0) {
                        return false;
                    }
                    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
                    if (cp > 0x10FFFF) {
                        return false;
                    }
                }
                if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    return false; // not XML characters (and surrogates are not UTF-8)
                }
                append_utf8(out, cp);
            } else {
                return false;
            }
        }
        return true;
    }

    bool element(xml_node& node, int depth) {
        // "<!DOCTYPE ...>" or "<?..." never name an element (the content loop skips PIs and
        // refuses declarations; this catches them in place of the root element).
        if (depth > max_depth || !at("<") || at("<!") || at("<?")) {
            return false;
        }
        ++pos_;
        std::string qname;
        if (!read_name(qname)) {
            return false;
        }
        node.name = local(qname);
        // Attributes.
        for (;;) {
            skip_space();
            if (pos_ >= s_.size()) {
                return false;
            }
            if (at("/>")) {
                pos_ += 2;
                return true;
            }
            if (s_[pos_] == '>') {
                ++pos_;
                break;
            }
            std::string attr;
            if (!read_name(attr)) {
                return false;
            }
            skip_space();
            if (pos_ >= s_.size() || s_[pos_] != '=') {
                return false;
            }
            ++pos_;
            skip_space();
            if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) {
                return false;
            }
            char quote = s_[pos_++];
            std::string value;
            if (!char_data(value, quote) || pos_ >= s_.size()) {
                return false;
            }
            ++pos_;
            node.attributes.emplace_back(std::move(attr), std::move(value));
        }
        // Content.
        for (;;) {
            if (pos_ >= s_.size()) {
                return false;
            }
            if (at("</")) {
                pos_ += 2;
                std::string end;
                if (!read_name(end) || end != qname) {
                    return false;
                }
                skip_space();
                if (pos_ >= s_.size() || s_[pos_] != '>') {
                    return false;
                }
                ++pos_;
                return true;
            }
            if (at("<!--")) {
                if (!skip_past("-->")) {
                    return false;
                }
            } else if (at("<![CDATA[")) {
                auto end = s_.find("]]>", pos_ + 9);
                if (end == std::string_view::npos) {
                    return false;
                }
                node.text.append(s_.substr(pos_ + 9, end - pos_ - 9));
                pos_ = end + 3;
            } else if (at("<?")) {
                if (!skip_past("?>")) {
                    return false;
                }
            } else if (at("<!")) {
                return false; // DOCTYPE and other declarations are refused
            } else if (s_[pos_] == '<') {
                node.children.emplace_back();
                if (!element(node.children.back(), depth + 1)) {
                    return false;
                }
            } else if (!char_data(node.text, '<')) {
                return false;
            }
        }
    }
};

} // namespace

std::optional<xml_node> parse_xml(std::string_view document) {
    return parser(document).document();
}

} // namespace cloudbox::protocol
