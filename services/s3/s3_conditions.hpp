// Pieces of the conditional headers shared by GetObject/HeadObject (If-*) and the copies
// (x-amz-copy-source-if-*): each applies them in its own way (304 or 412).
#pragma once

#include "service/request.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

// True when the comma-separated ETag list of an If-Match / If-None-Match header (each quoted or
// not) names `etag` or is "*".
bool etag_list_matches(std::string_view list, const std::string& etag);

// The HTTP date of header `name` in whole seconds since the epoch; nullopt when the header is
// absent or not a date S3 can parse (S3 then ignores the condition).
std::optional<std::int64_t> header_date_seconds(const service::request& req, std::string_view name);

} // namespace cloudbox::services::s3
