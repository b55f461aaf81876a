// PutObjectAcl: PUT /bucket/key?acl with x-amz-acl, x-amz-grant-* headers or an
// AccessControlPolicy body. The request is validated as S3 validates it and answered 200, but the
// ACL is neither stored nor enforced: cloudbox has one owner and no anonymous access, and
// GetObjectAcl keeps reporting the owner's FULL_CONTROL.
#include "s3/ops/ops.hpp"
#include "s3/s3_acl.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

service::response put_object_acl(s3_call& call) {
    verify_body_integrity(call.req, false);
    if (!call.s3.store.get_object(call.bucket(), call.key())) {
        require_bucket(call);
        throw errors::no_such_key(call.key());
    }
    check_version_id_query(call.req);
    validate_acl_request(call.req);
    return service::response{};
}

} // namespace cloudbox::services::s3::ops
