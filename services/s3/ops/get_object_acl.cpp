// GetObjectAcl: cloudbox has a single owner and does not store ACLs, so every object reports the
// default policy: the owner with FULL_CONTROL (what S3 answers for a private object, and for any
// object in a bucket with ACLs disabled).
#include "s3/ops/ops.hpp"
#include "s3/s3_acl.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

service::response get_object_acl(s3_call& call) {
    if (!call.s3.store.get_object(call.bucket(), call.key())) {
        require_bucket(call);
        throw errors::no_such_key(call.key());
    }
    check_version_id_query(call.req);
    return xml_response(owner_full_control_acl_xml());
}

} // namespace cloudbox::services::s3::ops
