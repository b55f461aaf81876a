// A small XML writer and a strict, non-validating XML parser for REST-XML and query bodies.
// The parser refuses DOCTYPE (no entity expansion attacks) and limits nesting depth.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::protocol {

class xml_writer {
  public:
    explicit xml_writer(bool declaration = true);

    // Opens <name attrs>; attrs is written as given (e.g. xmlns="...").
    xml_writer& open(std::string_view name, std::string_view attrs = {});
    xml_writer& close();
    // <name>escaped text</name>
    xml_writer& element(std::string_view name, std::string_view text);
    xml_writer& element(std::string_view name, long long value);
    // Escaped character data inside the element opened last.
    xml_writer& text(std::string_view text);
    std::string str() &&;
    const std::string& view() const { return out_; }

  private:
    std::string out_;
    std::vector<std::string> stack_;
};

struct xml_node {
    std::string name; // local name (namespace prefix removed)
    std::string text; // concatenated character data, entities decoded
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<xml_node> children;

    const xml_node* child(std::string_view child_name) const;
    std::vector<const xml_node*> children_named(std::string_view child_name) const;
    // Text of the first child with that name, or nullopt when absent.
    std::optional<std::string> child_text(std::string_view child_name) const;
};

// Parses a whole document; nullopt when it is not well-formed.
std::optional<xml_node> parse_xml(std::string_view document);

} // namespace cloudbox::protocol
