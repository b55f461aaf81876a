// Integrity checks S3 runs on an uploaded body (PutObject, UploadPart): Content-MD5,
// x-amz-content-sha256, x-amz-decoded-content-length and the flexible checksum.
#pragma once

#include "s3/s3_upload_sink.hpp"
#include "service/request.hpp"

#include <optional>
#include <string>

namespace cloudbox::services::s3 {

struct verified_checksum {
    std::string algorithm; // "CRC32", ...
    std::string value;     // base64
};

// Throws InvalidDigest / BadDigest / XAmzContentSHA256Mismatch / IncompleteBody. Returns the
// flexible checksum the request asked for, computed over the body.
std::optional<verified_checksum> verify_upload(const service::request& req,
                                               const s3_upload_sink& sink);

// The upload sink of a PutObject/UploadPart request (set up by s3_service::plan_body).
s3_upload_sink& upload_sink_of(const service::request& req);

} // namespace cloudbox::services::s3
