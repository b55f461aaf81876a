// Pieces of the conditional headers shared by GetObject/HeadObject and the copies.
#include "s3/s3_conditions.hpp"

#include "core/time_format.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_text.hpp"

namespace cloudbox::services::s3 {

bool etag_list_matches(std::string_view list, const std::string& etag) {
    for (std::string_view item : split_list(list)) {
        if (std::string candidate = unquote_etag(item); candidate == "*" || candidate == etag) {
            return true;
        }
    }
    return false;
}

std::optional<std::int64_t> header_date_seconds(const service::request& req,
                                                std::string_view name) {
    if (auto v = req.headers.get(name)) {
        if (auto t = core::parse_http_date(*v)) {
            return core::to_millis(*t) / 1000;
        }
    }
    return std::nullopt;
}

} // namespace cloudbox::services::s3
