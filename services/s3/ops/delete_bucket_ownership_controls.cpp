// DeleteBucketOwnershipControls: DELETE /bucket?ownershipControls; 204. An empty stored value
// records that the bucket has no controls (its default would otherwise apply again).
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_bucket_ownership_controls(s3_call& call) {
    require_bucket(call);
    call.s3.store.set_bucket_config(call.bucket(), "ownership_controls", std::string());
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
