// Header and query-parameter multimaps shared by the protocol and service layers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudbox::service {

// HTTP headers; names are stored lower-cased so lookups are exact.
class header_map {
  public:
    using entry = std::pair<std::string, std::string>;

    void add(std::string_view name, std::string value); // name lower-cased
    void set(std::string_view name, std::string value); // replaces all of that name
    void remove(std::string_view name);
    std::optional<std::string_view> get(std::string_view name) const; // name lower-case
    bool has(std::string_view name) const { return get(name).has_value(); }
    const std::vector<entry>& entries() const { return entries_; }

  private:
    std::vector<entry> entries_;
};

// Decoded query parameters, in request order. A key without '=' has an empty value.
class query_params {
  public:
    using entry = std::pair<std::string, std::string>;

    void add(std::string key, std::string value) {
        entries_.emplace_back(std::move(key), std::move(value));
    }
    std::optional<std::string_view> get(std::string_view key) const;
    bool has(std::string_view key) const { return get(key).has_value(); }
    const std::vector<entry>& entries() const { return entries_; }
    bool empty() const { return entries_.empty(); }

  private:
    std::vector<entry> entries_;
};

} // namespace cloudbox::service
