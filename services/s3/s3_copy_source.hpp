// The source of CopyObject and UploadPartCopy: the x-amz-copy-source header, the source object,
// the x-amz-copy-source-if-* conditions and the size limit.
#pragma once

#include "s3/ops/ops.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::s3 {

struct copy_source {
    std::string bucket;
    std::string key;
    std::optional<std::string> version_id;
};

// x-amz-copy-source: "bucket/key" or "/bucket/key", URL-encoded, optionally followed by
// "?versionId=...". ARNs (access points) are not supported.
copy_source parse_copy_source(std::string_view header);

// The source object: NoSuchBucket, then NoSuchKey, when missing.
object_record require_copy_source(s3_call& call, const copy_source& source);

// The x-amz-copy-source-if-* conditions, evaluated on the source as GetObject evaluates its
// conditional headers (If-Match before If-Unmodified-Since, If-None-Match before
// If-Modified-Since; dates compare at second precision), except that every failure is 412
// PreconditionFailed: S3 never answers a copy with 304. A date S3 cannot parse, or an
// If-Modified-Since in the future, is ignored.
void check_copy_source_conditions(const service::request& req, const object_record& source,
                                  std::int64_t now_ms);

// InvalidRequest when more than 5 GiB would be copied.
void check_copy_size(std::uint64_t size);

} // namespace cloudbox::services::s3
