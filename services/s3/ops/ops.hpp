// The S3 operations, one file each under ops/. Each takes the call and returns the response or
// throws core::aws_error.
#pragma once

#include "s3/s3_addressing.hpp"
#include "s3/s3_errors.hpp"
#include "s3/s3_service.hpp"
#include "service/request.hpp"
#include "service/response.hpp"

namespace cloudbox::services::s3 {

struct s3_call {
    s3_context& s3;
    service::request& req;
    const s3_target& target;

    const std::string& bucket() const { return target.bucket; }
    const std::string& key() const { return target.key; }
    const std::string& request_id() const { return req.ctx.request_id; }
};

using s3_operation = service::response (*)(s3_call&);

// Shared helpers for operations.
service::response xml_response(std::string body, int status = 200);
bucket_record require_bucket(s3_call& call); // NoSuchBucket when missing
// If-None-Match: * (only create) and If-Match (only replace that ETag), S3's conditional writes
// (PutObject, CompleteMultipartUpload): 412 PreconditionFailed, or NoSuchKey for If-Match on a
// missing key.
void check_write_conditions(s3_call& call);
// Sends the bucket's notifications for a change of `key` ("ObjectCreated:Put", ...); size and
// etag only for created objects.
void publish_object_event(s3_call& call, std::string event_name, const std::string& key,
                          std::optional<std::uint64_t> size = std::nullopt,
                          const std::string& etag = {});

namespace ops {
// Buckets
service::response list_buckets(s3_call&);
service::response create_bucket(s3_call&);
service::response head_bucket(s3_call&);
service::response delete_bucket(s3_call&);
service::response get_bucket_location(s3_call&);
service::response get_bucket_tagging(s3_call&);
service::response put_bucket_tagging(s3_call&);
service::response delete_bucket_tagging(s3_call&);
service::response get_bucket_cors(s3_call&);
service::response put_bucket_cors(s3_call&);
service::response delete_bucket_cors(s3_call&);
service::response get_bucket_notification_configuration(s3_call&);
service::response put_bucket_notification_configuration(s3_call&);
service::response get_bucket_acl(s3_call&);
service::response put_bucket_acl(s3_call&);
service::response get_bucket_versioning(s3_call&);
service::response put_bucket_versioning(s3_call&);
// Stored configuration documents (not acted on)
service::response get_bucket_policy(s3_call&);
service::response put_bucket_policy(s3_call&);
service::response delete_bucket_policy(s3_call&);
service::response get_bucket_policy_status(s3_call&);
service::response get_bucket_lifecycle_configuration(s3_call&);
service::response put_bucket_lifecycle_configuration(s3_call&);
service::response delete_bucket_lifecycle(s3_call&);
service::response get_bucket_encryption(s3_call&);
service::response put_bucket_encryption(s3_call&);
service::response delete_bucket_encryption(s3_call&);
service::response get_bucket_website(s3_call&);
service::response put_bucket_website(s3_call&);
service::response delete_bucket_website(s3_call&);
service::response get_public_access_block(s3_call&);
service::response put_public_access_block(s3_call&);
service::response delete_public_access_block(s3_call&);
service::response get_bucket_ownership_controls(s3_call&);
service::response put_bucket_ownership_controls(s3_call&);
service::response delete_bucket_ownership_controls(s3_call&);
service::response preflight_request(s3_call&);
// Listing
service::response list_objects(s3_call&);
service::response list_objects_v2(s3_call&);
service::response list_object_versions(s3_call&);
// Objects
service::response put_object(s3_call&);
service::response get_object(s3_call&);
service::response head_object(s3_call&);
service::response delete_object(s3_call&);
service::response delete_objects(s3_call&);
service::response copy_object(s3_call&);
service::response get_object_tagging(s3_call&);
service::response put_object_tagging(s3_call&);
service::response delete_object_tagging(s3_call&);
service::response get_object_acl(s3_call&);
service::response put_object_acl(s3_call&);
service::response get_object_attributes(s3_call&);
// Multipart
service::response create_multipart_upload(s3_call&);
service::response upload_part(s3_call&);
service::response upload_part_copy(s3_call&);
service::response complete_multipart_upload(s3_call&);
service::response abort_multipart_upload(s3_call&);
service::response list_parts(s3_call&);
service::response list_multipart_uploads(s3_call&);
} // namespace ops

} // namespace cloudbox::services::s3
