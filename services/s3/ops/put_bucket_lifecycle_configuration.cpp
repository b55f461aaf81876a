// PutBucketLifecycleConfiguration: PUT /bucket?lifecycle replaces the bucket's lifecycle rules.
// The rules are checked for S3's required elements and stored; cloudbox does not run them
// (objects never expire or change storage class).
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_bucket_documents.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_lifecycle_configuration(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, true);
    auto doc = parse_bucket_document(call.req.body, "LifecycleConfiguration");
    auto rules = doc.children_named("Rule");
    if (rules.empty()) {
        throw errors::malformed_xml();
    }
    for (const auto* rule : rules) {
        auto status = rule->child_text("Status");
        if (!status || (*status != "Enabled" && *status != "Disabled")) {
            throw errors::malformed_xml();
        }
    }
    call.s3.store.set_bucket_config(call.bucket(), "lifecycle", render_bucket_document(doc));
    return {};
}

} // namespace cloudbox::services::s3::ops
