// AbortMultipartUpload: DELETE /bucket/key?uploadId=X. Drops the upload and its parts' blobs;
// 204 with no body, NoSuchUpload (404) for an unknown, completed or aborted upload.
#include "s3/ops/ops.hpp"
#include "s3/s3_multipart.hpp"

namespace cloudbox::services::s3::ops {

service::response abort_multipart_upload(s3_call& call) {
    auto upload = require_upload(call);
    auto freed = call.s3.store.abort_upload(upload.upload_id);
    if (!freed) {
        throw errors::no_such_upload(upload.upload_id); // completed or aborted meanwhile
    }
    call.s3.free_blobs(*freed);
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
