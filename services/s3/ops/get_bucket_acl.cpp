// GetBucketAcl: cloudbox has a single owner and does not store ACLs, so every bucket reports the
// default policy: the owner with FULL_CONTROL (what S3 answers for a private bucket, and for any
// bucket with ACLs disabled, the default since 2023).
#include "s3/ops/ops.hpp"
#include "s3/s3_acl.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_acl(s3_call& call) {
    require_bucket(call);
    return xml_response(owner_full_control_acl_xml());
}

} // namespace cloudbox::services::s3::ops
