// DeleteBucketEncryption: DELETE /bucket?encryption returns the bucket to the SSE-S3 default;
// 204.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_bucket_encryption(s3_call& call) {
    require_bucket(call);
    call.s3.store.set_bucket_config(call.bucket(), "encryption", std::nullopt);
    call.s3.encryption.forget(call.bucket());
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
