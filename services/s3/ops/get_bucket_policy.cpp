// GetBucketPolicy: GET /bucket?policy returns the stored policy document as it was put;
// NoSuchBucketPolicy (404) when none is set.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_policy(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "policy");
    if (!stored) {
        throw errors::no_such_bucket_policy(call.bucket());
    }
    service::response res;
    res.body = std::move(*stored);
    return res;
}

} // namespace cloudbox::services::s3::ops
