// Integrity checks S3 runs on a buffered request body (DeleteObjects, PutObjectTagging,
// PutObjectAcl, bucket configuration documents): Content-MD5 and the x-amz-checksum-* headers.
#pragma once

#include "service/request.hpp"

namespace cloudbox::services::s3 {

// Verifies Content-MD5 (InvalidDigest / BadDigest) and an x-amz-checksum-<algorithm> header
// (InvalidRequest when malformed, BadDigest on mismatch) against req.body. With `md5_required`
// (operations S3 marks as needing an integrity header, like DeleteObjects), a request with
// neither Content-MD5 nor a flexible checksum (x-amz-checksum-* or x-amz-sdk-checksum-algorithm,
// which newer SDKs send instead) is InvalidRequest "Missing required header for this request:
// Content-MD5".
void verify_body_integrity(const service::request& req, bool md5_required);

} // namespace cloudbox::services::s3
