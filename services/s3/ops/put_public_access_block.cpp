// PutPublicAccessBlock: PUT /bucket?publicAccessBlock stores the four settings (a missing one is
// false, as S3 reads it). They are reported back, not enforced: cloudbox does not authorise.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_bucket_documents.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response put_public_access_block(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, false);
    auto doc = parse_bucket_document(call.req.body, "PublicAccessBlockConfiguration");
    protocol::xml_writer w;
    w.open("PublicAccessBlockConfiguration", s3_xmlns);
    for (const char* name :
         {"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"}) {
        w.element(name, document_flag(doc, name) ? "true" : "false");
    }
    w.close();
    call.s3.store.set_bucket_config(call.bucket(), "public_access_block", std::move(w).str());
    return {};
}

} // namespace cloudbox::services::s3::ops
