// PutBucketCors: PUT /bucket?cors replaces the bucket's CORS configuration (see s3_cors for the
// validation S3 runs).
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_cors.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_cors(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, true);
    auto config = parse_cors_xml(call.req.body);
    call.s3.store.set_bucket_config(call.bucket(), "cors", cors_to_json(config));
    return {};
}

} // namespace cloudbox::services::s3::ops
