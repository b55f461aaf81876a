// GetBucketCors: GET /bucket?cors; NoSuchCORSConfiguration (404) when none is set.
#include "s3/ops/ops.hpp"
#include "s3/s3_cors.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_cors(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "cors");
    if (!stored) {
        throw errors::no_such_cors_configuration(call.bucket());
    }
    return xml_response(cors_to_xml(cors_from_json(*stored)));
}

} // namespace cloudbox::services::s3::ops
