// PLACEHOLDER: get_bucket_versioning is not written yet.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_versioning(s3_call& call) { throw errors::not_implemented(call.req.ctx.operation); }

} // namespace cloudbox::services::s3::ops
