// DeletePublicAccessBlock: DELETE /bucket?publicAccessBlock; 204 whether or not one was set.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_public_access_block(s3_call& call) {
    require_bucket(call);
    // An empty document marks "deleted": a bucket that never had one has S3's default.
    call.s3.store.set_bucket_config(call.bucket(), "public_access_block", std::string());
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
