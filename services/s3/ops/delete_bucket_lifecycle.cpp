// DeleteBucketLifecycle: DELETE /bucket?lifecycle; 204 whether or not rules were set.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_bucket_lifecycle(s3_call& call) {
    require_bucket(call);
    call.s3.store.set_bucket_config(call.bucket(), "lifecycle", std::nullopt);
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
