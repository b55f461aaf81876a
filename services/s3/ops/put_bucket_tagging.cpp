// PLACEHOLDER: put_bucket_tagging is not written yet.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_tagging(s3_call& call) { throw errors::not_implemented(call.req.ctx.operation); }

} // namespace cloudbox::services::s3::ops
