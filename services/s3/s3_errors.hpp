// The S3 error catalogue: codes, statuses and messages as S3 returns them.
#pragma once

#include "core/aws_error.hpp"

#include <string>

namespace cloudbox::services::s3::errors {

using core::aws_error;

inline aws_error no_such_bucket(const std::string& bucket) {
    return aws_error("NoSuchBucket", "The specified bucket does not exist", 404)
        .with("BucketName", bucket);
}
inline aws_error no_such_key(const std::string& key) {
    return aws_error("NoSuchKey", "The specified key does not exist.", 404).with("Key", key);
}
inline aws_error bucket_not_empty(const std::string& bucket) {
    return aws_error("BucketNotEmpty", "The bucket you tried to delete is not empty", 409)
        .with("BucketName", bucket);
}
inline aws_error bucket_already_owned_by_you(const std::string& bucket) {
    return aws_error("BucketAlreadyOwnedByYou",
                     "Your previous request to create the named bucket succeeded and you already "
                     "own it.",
                     409)
        .with("BucketName", bucket);
}
inline aws_error invalid_bucket_name(const std::string& bucket) {
    return aws_error("InvalidBucketName", "The specified bucket is not valid.", 400)
        .with("BucketName", bucket);
}
inline aws_error malformed_xml() {
    return aws_error("MalformedXML",
                     "The XML you provided was not well-formed or did not validate against our "
                     "published schema",
                     400);
}
inline aws_error invalid_argument(const std::string& message, const std::string& name,
                                  const std::string& value) {
    return aws_error("InvalidArgument", message, 400)
        .with("ArgumentName", name)
        .with("ArgumentValue", value);
}
inline aws_error invalid_request(const std::string& message) {
    return aws_error("InvalidRequest", message, 400);
}
inline aws_error invalid_digest(const std::string& md5) {
    return aws_error("InvalidDigest", "The Content-MD5 you specified was invalid.", 400)
        .with("Content-MD5", md5);
}
inline aws_error bad_digest(const std::string& expected, const std::string& calculated) {
    return aws_error("BadDigest", "The Content-MD5 you specified did not match what we received.",
                     400)
        .with("ExpectedDigest", expected)
        .with("CalculatedDigest", calculated);
}
inline aws_error checksum_mismatch(const std::string& algorithm) {
    return aws_error("BadDigest",
                     "The " + algorithm + " you specified did not match the calculated checksum.",
                     400);
}
inline aws_error content_sha256_mismatch(const std::string& client, const std::string& computed) {
    return aws_error("XAmzContentSHA256Mismatch",
                     "The provided 'x-amz-content-sha256' header does not match what was computed.",
                     400)
        .with("ClientComputedContentSHA256", client)
        .with("S3ComputedContentSHA256", computed);
}
inline aws_error incomplete_body() {
    return aws_error("IncompleteBody",
                     "You did not provide the number of bytes specified by the Content-Length "
                     "HTTP header",
                     400);
}
inline aws_error entity_too_large(std::uint64_t size, std::uint64_t max) {
    return aws_error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size",
                     400)
        .with("ProposedSize", std::to_string(size))
        .with("MaxSizeAllowed", std::to_string(max));
}
inline aws_error entity_too_small() {
    return aws_error("EntityTooSmall",
                     "Your proposed upload is smaller than the minimum allowed object size.", 400);
}
inline aws_error invalid_range(std::uint64_t size, const std::string& range) {
    return aws_error("InvalidRange", "The requested range is not satisfiable", 416)
        .with("RangeRequested", range)
        .with("ActualObjectSize", std::to_string(size))
        .with_header("content-range", "bytes */" + std::to_string(size));
}
inline aws_error precondition_failed(const std::string& condition) {
    return aws_error("PreconditionFailed",
                     "At least one of the pre-conditions you specified did not hold", 412)
        .with("Condition", condition);
}
inline aws_error no_such_upload(const std::string& upload_id) {
    return aws_error("NoSuchUpload",
                     "The specified upload does not exist. The upload ID may be invalid, or the "
                     "upload may have been aborted or completed.",
                     404)
        .with("UploadId", upload_id);
}
inline aws_error invalid_part() {
    return aws_error("InvalidPart",
                     "One or more of the specified parts could not be found.  The part may not "
                     "have been uploaded, or the specified entity tag may not match the part's "
                     "entity tag.",
                     400);
}
inline aws_error invalid_part_order() {
    return aws_error("InvalidPartOrder",
                     "The list of parts was not in ascending order. Parts must be ordered by part "
                     "number.",
                     400);
}
inline aws_error method_not_allowed(const std::string& method, const std::string& resource) {
    return aws_error("MethodNotAllowed", "The specified method is not allowed against this resource.",
                     405)
        .with("Method", method)
        .with("ResourceType", resource);
}
inline aws_error not_implemented(const std::string& what) {
    return aws_error("NotImplemented",
                     "A header you provided implies functionality that is not implemented", 501)
        .with("Header", what);
}
inline aws_error no_such_tag_set(const std::string& bucket) {
    return aws_error("NoSuchTagSet", "The TagSet does not exist", 404).with("BucketName", bucket);
}
inline aws_error no_such_cors_configuration(const std::string& bucket) {
    return aws_error("NoSuchCORSConfiguration", "The CORS configuration does not exist", 404)
        .with("BucketName", bucket);
}
inline aws_error invalid_tag(const std::string& message) {
    return aws_error("InvalidTag", message, 400);
}
inline aws_error access_denied(const std::string& message = "Access Denied") {
    return aws_error("AccessDenied", message, 403);
}
inline aws_error key_too_long() {
    return aws_error("KeyTooLongError", "Your key is too long", 400);
}

} // namespace cloudbox::services::s3::errors
