// PutBucketWebsite: PUT /bucket?website stores the website configuration (index and error
// documents, redirects, routing rules). cloudbox does not serve website endpoints; the document is
// kept for GetBucketWebsite and the tools that read it back.
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_bucket_documents.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_website(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, false);
    auto doc = parse_bucket_document(call.req.body, "WebsiteConfiguration");
    if (!doc.child("RedirectAllRequestsTo")) {
        const auto* index = doc.child("IndexDocument");
        if (!index) {
            throw errors::invalid_argument(
                "A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is "
                "empty",
                "IndexDocument", "null");
        }
        auto suffix = index->child_text("Suffix").value_or("");
        if (suffix.empty() || suffix.find('/') != std::string::npos) {
            throw errors::invalid_argument("The IndexDocument Suffix is not well formed",
                                           "IndexDocument", suffix);
        }
    }
    call.s3.store.set_bucket_config(call.bucket(), "website", render_bucket_document(doc));
    return {};
}

} // namespace cloudbox::services::s3::ops
