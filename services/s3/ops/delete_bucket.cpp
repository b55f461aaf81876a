// DeleteBucket: 204; BucketNotEmpty while objects remain. In-progress uploads go with it.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_bucket(s3_call& call) {
    std::vector<std::string> freed;
    call.s3.encryption.forget(call.bucket());
    switch (call.s3.store.delete_bucket(call.bucket(), freed)) {
    case s3_store::delete_bucket_result::missing:
        throw errors::no_such_bucket(call.bucket());
    case s3_store::delete_bucket_result::not_empty:
        throw errors::bucket_not_empty(call.bucket());
    case s3_store::delete_bucket_result::deleted:
        break;
    }
    call.s3.free_blobs(freed);
    call.s3.notifier.configuration_changed(call.bucket(), "", std::nullopt);
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
