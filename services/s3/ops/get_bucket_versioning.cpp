// GetBucketVersioning: GET /bucket?versioning. A bucket never put under versioning answers an
// empty <VersioningConfiguration/>, as S3 does; after PutBucketVersioning Suspended, its Status.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_versioning(s3_call& call) {
    require_bucket(call);
    auto status = call.s3.store.get_bucket_config(call.bucket(), "versioning");
    protocol::xml_writer w;
    w.open("VersioningConfiguration", s3_xmlns);
    if (status) {
        w.element("Status", *status);
    }
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
