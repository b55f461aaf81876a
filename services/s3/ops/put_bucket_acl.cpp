// PutBucketAcl: PUT /bucket?acl with x-amz-acl, x-amz-grant-* headers or an AccessControlPolicy
// body. Validated as S3 validates it and answered 200, but neither stored nor enforced: cloudbox
// has one owner and no anonymous access, and GetBucketAcl keeps reporting the owner's
// FULL_CONTROL.
#include "s3/ops/ops.hpp"
#include "s3/s3_acl.hpp"
#include "s3/s3_body_checks.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_acl(s3_call& call) {
    verify_body_integrity(call.req, false);
    require_bucket(call);
    validate_acl_request(call.req);
    return {};
}

} // namespace cloudbox::services::s3::ops
