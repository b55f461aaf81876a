// Query-protocol input for SES v1: the form parameters (body and URL query), with AWS's
// flattened lists (Prefix.member.N) and validation errors for missing or mistyped members.
#pragma once

#include "service/headers.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::ses {

class query_input {
  public:
    explicit query_input(service::query_params params) : params_(std::move(params)) {}

    std::optional<std::string> get(std::string_view key) const;
    // The value, or ValidationError "Value null at '<member>'" when absent.
    std::string required(std::string_view key, std::string_view member) const;
    // Prefix.member.1, Prefix.member.2, ... in index order.
    std::vector<std::string> list(std::string_view prefix) const;
    // True when any parameter starts with prefix (a structure given at all).
    bool has_prefix(std::string_view prefix) const;
    // An integer member; ValidationError when it is not a number.
    std::optional<long long> integer(std::string_view key, std::string_view member) const;

    const service::query_params& params() const { return params_; }

  private:
    service::query_params params_;
};

} // namespace cloudbox::services::ses
