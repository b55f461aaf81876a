// GetPublicAccessBlock: GET /bucket?publicAccessBlock returns the stored settings;
// NoSuchPublicAccessBlockConfiguration (404) when none were put.
#include "s3/ops/ops.hpp"

namespace cloudbox::services::s3::ops {

service::response get_public_access_block(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "public_access_block");
    if (!stored) {
        throw errors::no_such_public_access_block_configuration(call.bucket());
    }
    return xml_response(std::move(*stored));
}

} // namespace cloudbox::services::s3::ops
