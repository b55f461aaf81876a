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
    return aws_error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400)
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
// GetObject/HeadObject ?partNumber= beyond the object's parts (a simple object has one).
inline aws_error part_number_not_satisfiable(const std::string& requested,
                                             std::size_t actual_parts) {
    return aws_error("InvalidPartNumber", "The requested partnumber is not satisfiable", 416)
        .with("PartNumberRequested", requested)
        .with("ActualPartCount", std::to_string(actual_parts));
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
    return aws_error("MethodNotAllowed",
                     "The specified method is not allowed against this resource.", 405)
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

// Multipart uploads.
inline aws_error invalid_part_number(const std::string& value) {
    return invalid_argument("Part number must be an integer between 1 and 10000, inclusive",
                            "partNumber", value);
}
// CompleteMultipartUpload: a part other than the last is below 5 MiB.
inline aws_error part_too_small(std::uint64_t size, std::uint64_t min, int part_number,
                                const std::string& etag) {
    return aws_error("EntityTooSmall",
                     "Your proposed upload is smaller than the minimum allowed size", 400)
        .with("ProposedSize", std::to_string(size))
        .with("MinSizeAllowed", std::to_string(min))
        .with("PartNumber", std::to_string(part_number))
        .with("ETag", etag);
}
// algorithm names in lower case, as S3 writes them in these messages.
inline aws_error checksum_type_mismatch(const std::string& expected, const std::string& actual) {
    return invalid_request("Checksum Type mismatch occurred, expected checksum Type: " + expected +
                           ", actual checksum Type: " + actual);
}
inline aws_error missing_part_checksum(const std::string& algorithm, int part_number) {
    return invalid_request("The upload was created using a " + algorithm +
                           " checksum. The complete request must include the checksum for each "
                           "part. It was missing for part " +
                           std::to_string(part_number) + " in the request.");
}
inline aws_error checksum_mode_mismatch(const std::string& type) {
    return aws_error("BadDigest",
                     "The upload was created using the " + type +
                         " checksum mode. The complete request must use the same checksum mode.",
                     400);
}
inline aws_error invalid_copy_source_range(const std::string& range) {
    return invalid_argument(
        "The x-amz-copy-source-range value must be of the form bytes=first-last "
        "where first and last are the zero-based offsets of the first and last "
        "bytes to copy",
        "x-amz-copy-source-range", range);
}
inline aws_error copy_source_range_not_satisfiable(std::uint64_t size, const std::string& range) {
    return invalid_argument("Range specified is not valid for source object of size: " +
                                std::to_string(size),
                            "x-amz-copy-source-range", range);
}
inline aws_error invalid_list_argument(const std::string& name, const std::string& value) {
    return invalid_argument("Argument " + name + " must be an integer between 0 and 2147483647",
                            name, value);
}
inline aws_error invalid_encoding_type(const std::string& value) {
    return invalid_argument("Invalid Encoding Method specified in Request", "encoding-type", value);
}
inline aws_error no_such_version(const std::string& key, const std::string& version_id) {
    return aws_error("NoSuchVersion", "The specified version does not exist.", 404)
        .with("Key", key)
        .with("VersionId", version_id);
}

// Copies, batch deletes, tags and ACLs.
inline aws_error invalid_copy_source(const std::string& message) {
    // S3 names the header twice: ArgumentName and ArgumentValue both read x-amz-copy-source.
    return invalid_argument(message, "x-amz-copy-source", "x-amz-copy-source");
}
inline aws_error invalid_version_id(const std::string& version_id) {
    return invalid_argument("Invalid version id specified", "versionId", version_id);
}
inline aws_error missing_content_md5() {
    return invalid_request("Missing required header for this request: Content-MD5");
}
inline aws_error invalid_checksum_header(const std::string& header) {
    return invalid_request("Value for " + header + " header is invalid.");
}
inline aws_error malformed_acl() {
    return aws_error("MalformedACLError",
                     "The XML you provided was not well-formed or did not validate against our "
                     "published schema",
                     400);
}
inline aws_error missing_security_header(const std::string& header) {
    return aws_error("MissingSecurityHeader", "Your request was missing a required header", 400)
        .with("MissingHeaderName", header);
}
inline aws_error unexpected_content() {
    return aws_error("UnexpectedContent", "This request does not support content", 400);
}

// Listings (ListObjects, ListObjectsV2, ListObjectVersions).
inline aws_error max_keys_not_integer(const std::string& value) {
    return invalid_argument("Provided max-keys not an integer or within integer range", "max-keys",
                            value);
}
inline aws_error invalid_continuation_token(const std::string& token) {
    auto e = aws_error("InvalidArgument", "The continuation token provided is incorrect", 400)
                 .with("ArgumentName", "continuation-token");
    if (!token.empty()) { // S3 leaves ArgumentValue out for an empty token
        e.with("ArgumentValue", token);
    }
    return e;
}
inline aws_error marker_with_list_type_2(const std::string& marker) {
    return invalid_argument("Marker unsupported with REST.GET.BUCKET in list-type=2", "marker",
                            marker);
}
inline aws_error version_marker_without_key_marker(const std::string& value) {
    return invalid_argument("A version-id marker cannot be specified without a key marker.",
                            "version-id-marker", value);
}
inline aws_error invalid_version_id_marker(const std::string& value) {
    return invalid_argument("Invalid version id specified", "version-id-marker", value);
}

// CORS configuration and requests (PutBucketCors, OPTIONS preflight).
inline aws_error unsupported_cors_method(const std::string& method) {
    return invalid_request("Found unsupported HTTP method in CORS config. Unsupported method is " +
                           method);
}
inline aws_error cors_too_many_wildcards(const std::string& element, const std::string& value) {
    return invalid_request(element + " \"" + value + "\" can not have more than one wildcard.");
}
inline aws_error cors_expose_header_wildcard(const std::string& value) {
    return invalid_request("ExposeHeader \"" + value +
                           "\" contains wildcard. We currently do not support wildcard for "
                           "ExposeHeader.");
}
inline aws_error bad_request(const std::string& message) {
    return aws_error("BadRequest", message, 400);
}
// 403 AccessForbidden of a refused preflight; Method is the Access-Control-Request-Method.
inline aws_error cors_forbidden(const std::string& message, const std::string& method,
                                const std::string& resource_type) {
    return aws_error("AccessForbidden", "CORSResponse: " + message, 403)
        .with("Method", method)
        .with("ResourceType", resource_type);
}

// Event notification configuration.
inline aws_error unsupported_notification_event(const std::string& event) {
    return invalid_argument("The event is not supported for notifications", "Event", event);
}
inline aws_error invalid_filter_rule_name(const std::string& name, const std::string& value) {
    return invalid_argument("filter rule name must be either prefix or suffix", "FilterRule.Name",
                            name.empty() ? value : name);
}
inline aws_error duplicate_filter_rule(const std::string& name, const std::string& value) {
    return invalid_argument("Cannot specify more than one " + name + " rule in a filter.",
                            "FilterRule.Name", value);
}
inline aws_error filter_value_empty(const std::string& name) {
    return invalid_argument("filter value cannot be empty", name, "");
}
inline aws_error filter_value_too_long(const std::string& value) {
    return invalid_argument(
        "Size of filter rule value cannot exceed 1024 bytes in UTF-8 representation",
        "FilterRule.Value", value);
}
inline aws_error overlapping_notification_configurations(const std::string& event) {
    return invalid_argument("Configurations overlap. Configurations on the same bucket cannot "
                            "share a common event type.",
                            "Event", event);
}
inline aws_error malformed_notification_arn(const std::string& element, const std::string& arn) {
    return invalid_argument("The ARN is not well formed", element, arn);
}

// Bucket configuration subresources (policy, lifecycle, encryption, website, public access
// block, ownership controls): a missing document is a 404 naming the bucket.
inline aws_error no_such_bucket_policy(const std::string& bucket) {
    return aws_error("NoSuchBucketPolicy", "The bucket policy does not exist", 404)
        .with("BucketName", bucket);
}
inline aws_error malformed_policy(const std::string& message) {
    return aws_error("MalformedPolicy", message, 400);
}
inline aws_error no_such_lifecycle_configuration(const std::string& bucket) {
    return aws_error("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist",
                     404)
        .with("BucketName", bucket);
}
inline aws_error no_such_website_configuration(const std::string& bucket) {
    return aws_error("NoSuchWebsiteConfiguration",
                     "The specified bucket does not have a website configuration", 404)
        .with("BucketName", bucket);
}
inline aws_error no_such_public_access_block_configuration(const std::string& bucket) {
    return aws_error("NoSuchPublicAccessBlockConfiguration",
                     "The public access block configuration was not found", 404)
        .with("BucketName", bucket);
}
inline aws_error ownership_controls_not_found(const std::string& bucket) {
    return aws_error("OwnershipControlsNotFoundError",
                     "The bucket ownership controls were not found", 404)
        .with("BucketName", bucket);
}
inline aws_error kms_key_not_applicable() {
    return aws_error("InvalidArgument",
                     "a KMSMasterKeyID is not applicable if the default sse algorithm is not "
                     "aws:kms or aws:kms:dsse",
                     400)
        .with("ArgumentName", "ApplyServerSideEncryptionByDefault");
}

// Versioning: cloudbox buckets stay unversioned.
inline aws_error versioning_not_implemented() {
    return aws_error("NotImplemented",
                     "cloudbox does not implement S3 object versioning: buckets stay unversioned "
                     "(only Status Suspended is accepted).",
                     501, false);
}

} // namespace cloudbox::services::s3::errors
