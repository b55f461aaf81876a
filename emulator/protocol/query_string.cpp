// Query-string decoding.
#include "protocol/query_string.hpp"

#include "core/encoding.hpp"

namespace cloudbox::protocol {

std::optional<service::query_params> parse_query(std::string_view raw) {
    service::query_params params;
    while (!raw.empty()) {
        auto amp = raw.find('&');
        std::string_view pair = raw.substr(0, amp);
        raw = amp == std::string_view::npos ? std::string_view{} : raw.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        auto eq = pair.find('=');
        auto key = core::url_decode(pair.substr(0, eq), true);
        auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                  : core::url_decode(pair.substr(eq + 1), true);
        if (!key || !value) {
            return std::nullopt;
        }
        params.add(std::move(*key), std::move(*value));
    }
    return params;
}

} // namespace cloudbox::protocol
