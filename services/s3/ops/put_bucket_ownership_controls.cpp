// PutBucketOwnershipControls: PUT /bucket?ownershipControls sets the bucket's one Object
// Ownership rule. Stored and reported, not enforced (cloudbox has a single owner).
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_bucket_documents.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_ownership_controls(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, true);
    auto doc = parse_bucket_document(call.req.body, "OwnershipControls");
    auto rules = doc.children_named("Rule");
    auto ownership = rules.size() == 1 ? rules[0]->child_text("ObjectOwnership") : std::nullopt;
    if (!ownership || (*ownership != "BucketOwnerEnforced" &&
                       *ownership != "BucketOwnerPreferred" && *ownership != "ObjectWriter")) {
        throw errors::malformed_xml();
    }
    call.s3.store.set_bucket_config(call.bucket(), "ownership_controls", *ownership);
    return {};
}

} // namespace cloudbox::services::s3::ops
