// GetBucketLifecycleConfiguration: GET /bucket?lifecycle returns the stored rules;
// NoSuchLifecycleConfiguration (404) when none is set.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response get_bucket_lifecycle_configuration(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "lifecycle");
    if (!stored) {
        throw errors::no_such_lifecycle_configuration(call.bucket());
    }
    return xml_response(std::move(*stored));
}

} // namespace cloudbox::services::s3::ops
