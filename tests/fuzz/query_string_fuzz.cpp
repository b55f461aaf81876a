// libFuzzer target: parse_query never crashes, and re-encoding what it accepts parses back equal.
#include "core/encoding.hpp"
#include "protocol/query_string.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view raw(reinterpret_cast<const char*>(data), size);
    auto parsed = cloudbox::protocol::parse_query(raw);
    if (!parsed) {
        return 0;
    }
    std::string encoded;
    for (const auto& [key, value] : parsed->entries()) {
        if (!encoded.empty()) {
            encoded += '&';
        }
        encoded += cloudbox::core::url_encode(key) + '=' + cloudbox::core::url_encode(value);
    }
    auto again = cloudbox::protocol::parse_query(encoded);
    if (!again || again->entries() != parsed->entries()) {
        __builtin_trap();
    }
    return 0;
}
