// GetBucketOwnershipControls: GET /bucket?ownershipControls. New buckets have
// BucketOwnerEnforced (S3's default since April 2023); after DeleteBucketOwnershipControls the
// bucket has none and S3 answers OwnershipControlsNotFoundError (404).
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_ownership_controls(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "ownership_controls");
    if (stored && stored->empty()) {
        throw errors::ownership_controls_not_found(call.bucket());
    }
    protocol::xml_writer w;
    w.open("OwnershipControls", s3_xmlns).open("Rule");
    w.element("ObjectOwnership", stored ? *stored : "BucketOwnerEnforced");
    w.close().close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
