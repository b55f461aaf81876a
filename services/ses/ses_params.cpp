// Query-protocol input for SES v1.
#include "ses/ses_params.hpp"

#include "ses/ses_errors.hpp"

#include <algorithm>
#include <charconv>

namespace cloudbox::services::ses {

std::optional<std::string> query_input::get(std::string_view key) const {
    auto v = params_.get(key);
    return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

std::string query_input::required(std::string_view key, std::string_view member) const {
    auto v = get(key);
    if (!v) {
        throw errors::missing_member(std::string(member));
    }
    return *v;
}

std::vector<std::string> query_input::list(std::string_view prefix) const {
    std::string head = std::string(prefix) + ".member.";
    std::vector<std::pair<long long, std::string>> items;
    for (const auto& [key, value] : params_.entries()) {
        if (!key.starts_with(head)) {
            continue;
        }
        std::string_view index = std::string_view(key).substr(head.size());
        long long n = 0;
        auto [ptr, ec] = std::from_chars(index.data(), index.data() + index.size(), n);
        if (ec == std::errc() && ptr == index.data() + index.size() && n > 0) {
            items.emplace_back(n, value);
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& [n, v] : items) {
        out.push_back(std::move(v));
    }
    return out;
}

bool query_input::has_prefix(std::string_view prefix) const {
    std::string head = std::string(prefix) + ".";
    return std::any_of(params_.entries().begin(), params_.entries().end(),
                       [&](const auto& e) { return e.first.starts_with(head); });
}

std::optional<long long> query_input::integer(std::string_view key, std::string_view member) const {
    auto v = get(key);
    if (!v) {
        return std::nullopt;
    }
    long long n = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (v->empty() || ec != std::errc() || ptr != v->data() + v->size()) {
        throw errors::validation("1 validation error detected: Value '" + *v + "' at '" +
                                 std::string(member) +
                                 "' failed to satisfy constraint: Member must be a number");
    }
    return n;
}

} // namespace cloudbox::services::ses
