// Request-target splitting and query-string decoding.
#pragma once

#include "service/headers.hpp"

#include <optional>
#include <string_view>

namespace cloudbox::protocol {

// Decodes "a=1&b&c=x%20y" ('+' is a space, as in form encoding). nullopt on a bad escape.
std::optional<service::query_params> parse_query(std::string_view raw);

} // namespace cloudbox::protocol
