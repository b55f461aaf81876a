// libFuzzer target: parse_xml never crashes, and what it accepts survives escaping and re-parsing.
#include "core/encoding.hpp"
#include "protocol/xml.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using cloudbox::protocol::xml_node;

namespace {

// Rewrites a parsed tree with fixed names and escaped text/attributes; text comes before the
// children, which keeps the concatenated text of each node unchanged.
void serialize(const xml_node& node, std::string& out) {
    out += "<e";
    for (std::size_t i = 0; i < node.attributes.size(); ++i) {
        out += " a" + std::to_string(i) + "=\"" +
               cloudbox::core::xml_escape(node.attributes[i].second) + "\"";
    }
    out += ">" + cloudbox::core::xml_escape(node.text);
    for (const auto& child : node.children) {
        serialize(child, out);
    }
    out += "</e>";
}

bool same(const xml_node& a, const xml_node& b, int depth) {
    if (depth > 65 || a.text != b.text || a.children.size() != b.children.size() ||
        a.attributes.size() != b.attributes.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.attributes.size(); ++i) {
        if (a.attributes[i].second != b.attributes[i].second) {
            return false;
        }
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!same(a.children[i], b.children[i], depth + 1)) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view doc(reinterpret_cast<const char*>(data), size);
    auto parsed = cloudbox::protocol::parse_xml(doc);
    if (!parsed) {
        return 0;
    }
    std::string again;
    serialize(*parsed, again);
    auto reparsed = cloudbox::protocol::parse_xml(again);
    if (!reparsed || !same(*parsed, *reparsed, 0)) {
        __builtin_trap();
    }
    return 0;
}
