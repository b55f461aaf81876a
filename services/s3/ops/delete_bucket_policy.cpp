// DeleteBucketPolicy: DELETE /bucket?policy; 204 whether or not a policy was set.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_bucket_policy(s3_call& call) {
    require_bucket(call);
    call.s3.store.set_bucket_config(call.bucket(), "policy", std::nullopt);
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
