// PutBucketEncryption: PUT /bucket?encryption sets the bucket's default encryption. Validated as
// S3 does (one rule, a known algorithm, a KMS key only with aws:kms*) and stored in S3's element
// order; objects are not actually encrypted at rest.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_bucket_documents.hpp"
#include "s3/s3_owner.hpp"

namespace cloudbox::services::s3::ops {

service::response put_bucket_encryption(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, true);
    auto doc = parse_bucket_document(call.req.body, "ServerSideEncryptionConfiguration");
    auto rules = doc.children_named("Rule");
    if (rules.size() != 1) {
        throw errors::malformed_xml();
    }
    const auto* by_default = rules[0]->child("ApplyServerSideEncryptionByDefault");
    auto algorithm = by_default ? by_default->child_text("SSEAlgorithm") : std::nullopt;
    if (!algorithm ||
        (*algorithm != "AES256" && *algorithm != "aws:kms" && *algorithm != "aws:kms:dsse")) {
        throw errors::malformed_xml();
    }
    auto kms_key = by_default->child_text("KMSMasterKeyID");
    if (kms_key && !algorithm->starts_with("aws:kms")) {
        throw errors::kms_key_not_applicable();
    }
    bool bucket_key = document_flag(*rules[0], "BucketKeyEnabled");

    protocol::xml_writer w;
    w.open("ServerSideEncryptionConfiguration", s3_xmlns).open("Rule");
    w.open("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", *algorithm);
    if (kms_key) {
        w.element("KMSMasterKeyID", *kms_key);
    }
    w.close().element("BucketKeyEnabled", bucket_key ? "true" : "false");
    call.s3.store.set_bucket_config(call.bucket(), "encryption", std::move(w).str());
    call.s3.encryption.forget(call.bucket());
    return {};
}

} // namespace cloudbox::services::s3::ops
