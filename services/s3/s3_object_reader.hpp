// GetObject and HeadObject share everything but the body: conditional requests, Range and
// partNumber, response-* overrides, checksum mode.
#pragma once

#include "s3/ops/ops.hpp"

#include <stdexcept>

namespace cloudbox::services::s3 {

service::response read_object(s3_call& call, bool head);

// Evaluates If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since (RFC 7232 order,
// as S3 applies it): throws PreconditionFailed (412); returns true when the answer is 304.
// An If-Modified-Since later than now is ignored (RFC 9110 13.1.3, and S3 does so).
bool not_modified(const service::request& req, const std::string& etag,
                  std::int64_t last_modified_ms, std::int64_t now_ms);

// Thrown by attach_body when a blob of the record is gone: the object was overwritten or deleted
// between reading its row and opening its data. Reading the row again gives the current object.
struct object_data_replaced : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Body bytes [offset, offset + length) of an object as response segments or inline bytes.
void attach_body(s3_call& call, const object_record& o, std::uint64_t offset, std::uint64_t length,
                 service::response& res);

} // namespace cloudbox::services::s3
