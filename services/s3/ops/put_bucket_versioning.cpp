// PutBucketVersioning: PUT /bucket?versioning.
//
// cloudbox does not implement object versioning: every object is its single "null" version.
// "Suspended" describes exactly that (new writes replace the null version), so it is accepted on
// a bucket, stored, and reported back by GetBucketVersioning; tools that turn versioning off or
// declare it suspended keep working. "Enabled" (and MfaDelete Enabled) would promise behaviour
// cloudbox does not have, so it is refused with 501 NotImplemented rather than silently ignored.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_validation.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_versioning(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, true);
    auto doc = parse_body_xml(call.req.body);
    if (doc.name != "VersioningConfiguration") {
        throw errors::malformed_xml();
    }
    auto status = doc.child_text("Status");
    auto mfa_delete = doc.child_text("MfaDelete");
    if ((status && *status != "Enabled" && *status != "Suspended") ||
        (mfa_delete && *mfa_delete != "Enabled" && *mfa_delete != "Disabled")) {
        throw errors::malformed_xml();
    }
    if ((status && *status == "Enabled") || (mfa_delete && *mfa_delete == "Enabled")) {
        throw errors::versioning_not_implemented();
    }
    if (status) {
        call.s3.store.set_bucket_config(call.bucket(), "versioning", *status);
    }
    return {};
}

} // namespace cloudbox::services::s3::ops
