// The object headers S3 stores from a PUT and returns on GET/HEAD.
#pragma once

#include "s3/s3_types.hpp"
#include "service/request.hpp"
#include "service/response.hpp"

#include <string>

namespace cloudbox::services::s3 {

// Content-Type (default binary/octet-stream), Cache-Control, Content-Disposition,
// Content-Encoding (aws-chunked removed), Content-Language, Expires, x-amz-meta-*.
// x-amz-website-redirect-location too (see website_redirect_location).
object_headers headers_from_request(const service::request& req);

// x-amz-website-redirect-location of the request: "/...", "http://..." or "https://...", else
// InvalidRedirectLocation. CopyObject takes it from the request only, never from the source.
std::optional<std::string> website_redirect_location(const service::request& req);

std::string quote_etag(const std::string& etag);
// ETag as sent in a request (quotes optional) -> stored form.
std::string unquote_etag(std::string_view etag);

// ETag, Last-Modified, Content-Type and the stored headers, metadata, storage class, tag count,
// parts count; the checksum when include_checksum (x-amz-checksum-mode: ENABLED).
void add_object_headers(service::response& res, const object_record& object, bool include_checksum);

} // namespace cloudbox::services::s3
