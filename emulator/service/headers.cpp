// Header and query-parameter multimaps.
#include "service/headers.hpp"

#include "core/encoding.hpp"

#include <algorithm>

namespace cloudbox::service {

void header_map::add(std::string_view name, std::string value) {
    entries_.emplace_back(core::to_lower(name), std::move(value));
}

void header_map::set(std::string_view name, std::string value) {
    remove(name);
    add(name, std::move(value));
}

void header_map::remove(std::string_view name) {
    std::string lower = core::to_lower(name);
    std::erase_if(entries_, [&](const entry& e) { return e.first == lower; });
}

std::optional<std::string_view> header_map::get(std::string_view name) const {
    for (const auto& e : entries_) {
        if (e.first == name) {
            return std::string_view(e.second);
        }
    }
    return std::nullopt;
}

std::optional<std::string_view> query_params::get(std::string_view key) const {
    for (const auto& e : entries_) {
        if (e.first == key) {
            return std::string_view(e.second);
        }
    }
    return std::nullopt;
}

} // namespace cloudbox::service
