// DeleteBucketTagging: DELETE /bucket?tagging; 204 whether or not the bucket had tags.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_bucket_tagging(s3_call& call) {
    require_bucket(call);
    call.s3.store.set_bucket_config(call.bucket(), "tagging", std::nullopt);
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
