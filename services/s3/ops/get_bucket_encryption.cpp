// GetBucketEncryption: GET /bucket?encryption. Every bucket is encrypted with SSE-S3 unless
// another default was put, so a bucket without one answers AES256 (as S3 does since 2023) rather
// than ServerSideEncryptionConfigurationNotFoundError.
#include "s3/ops/ops.hpp"
#include "s3/s3_bucket_documents.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_encryption(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "encryption");
    return xml_response(stored ? std::move(*stored) : default_encryption_document());
}

} // namespace cloudbox::services::s3::ops
