// DeleteObject: 204 whether or not the key existed (the bucket must exist).
#include "s3/ops/ops.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_object(s3_call& call) {
    // Before anything is deleted: a version that cannot exist must not delete the current one.
    check_version_id_query(call.req);
    auto freed = call.s3.store.delete_object(call.bucket(), call.key());
    if (!freed) {
        require_bucket(call);
    } else {
        call.s3.free_blobs(*freed);
    }
    publish_object_event(call, "ObjectRemoved:Delete", call.key());
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
