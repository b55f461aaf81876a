// HeadBucket: 200 with the bucket's region, or 404 without a body.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response head_bucket(s3_call& call) {
    auto bucket = require_bucket(call);
    service::response res;
    res.headers.set("x-amz-bucket-region", bucket.region);
    res.headers.set("x-amz-access-point-alias", "false");
    res.headers.set("content-type", "application/xml");
    return res;
}

} // namespace cloudbox::services::s3::ops
