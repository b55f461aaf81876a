// GetPublicAccessBlock: GET /bucket?publicAccessBlock returns the stored settings. New buckets
// block all public access (S3's default since April 2023); after DeletePublicAccessBlock the
// bucket has none and S3 answers NoSuchPublicAccessBlockConfiguration (404).
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response get_public_access_block(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "public_access_block");
    if (stored && stored->empty()) {
        throw errors::no_such_public_access_block_configuration(call.bucket());
    }
    if (stored) {
        return xml_response(std::move(*stored));
    }
    protocol::xml_writer w;
    w.open("PublicAccessBlockConfiguration", s3_xmlns);
    for (const char* name :
         {"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"}) {
        w.element(name, "true");
    }
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
