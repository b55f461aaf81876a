// DeleteObjectTagging: DELETE /bucket/key?tagging removes the object's tag set; 204 No Content.
#include "s3/ops/ops.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

service::response delete_object_tagging(s3_call& call) {
    if (!call.s3.store.get_object(call.bucket(), call.key())) {
        require_bucket(call);
        throw errors::no_such_key(call.key());
    }
    check_version_id_query(call.req);
    if (!call.s3.store.set_object_tags(call.bucket(), call.key(), {})) {
        throw errors::no_such_key(call.key());
    }
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
