// Server-side encryption choices and headers (see s3_encryption.hpp).
#include "s3/s3_encryption.hpp"

#include "protocol/xml.hpp"

namespace cloudbox::services::s3 {

namespace {

encryption_choice parse_default(const std::string& document) {
    encryption_choice choice;
    auto doc = protocol::parse_xml(document);
    const auto* rule = doc ? doc->child("Rule") : nullptr;
    const auto* by_default = rule ? rule->child("ApplyServerSideEncryptionByDefault") : nullptr;
    if (by_default == nullptr) {
        return choice;
    }
    if (auto algorithm = by_default->child_text("SSEAlgorithm")) {
        choice.algorithm = std::string(*algorithm);
    }
    if (auto key = by_default->child_text("KMSMasterKeyID")) {
        choice.kms_key_id = std::string(*key);
    }
    return choice;
}

} // namespace

encryption_choice bucket_encryption_defaults::of(const std::string& bucket) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = cache_.find(bucket); it != cache_.end()) {
            return it->second;
        }
    }
    auto stored = store_.get_bucket_config(bucket, "encryption");
    encryption_choice choice = stored ? parse_default(*stored) : encryption_choice{};
    std::lock_guard lock(mutex_);
    cache_[bucket] = choice;
    return choice;
}

void bucket_encryption_defaults::forget(const std::string& bucket) {
    std::lock_guard lock(mutex_);
    cache_.erase(bucket);
}

void bucket_encryption_defaults::clear() {
    std::lock_guard lock(mutex_);
    cache_.clear();
}

encryption_choice encryption_for_write(const service::request& req,
                                       bucket_encryption_defaults& defaults,
                                       const std::string& bucket) {
    auto requested = req.headers.get("x-amz-server-side-encryption");
    if (requested &&
        (*requested == "AES256" || *requested == "aws:kms" || *requested == "aws:kms:dsse")) {
        encryption_choice choice{std::string(*requested), std::nullopt};
        if (auto key = req.headers.get("x-amz-server-side-encryption-aws-kms-key-id");
            key && choice.algorithm != "AES256") {
            choice.kms_key_id = std::string(*key);
        }
        return choice;
    }
    return defaults.of(bucket);
}

void set_encryption(object_headers& headers, const encryption_choice& choice) {
    headers.sse_algorithm = choice.algorithm;
    headers.sse_kms_key_id = choice.kms_key_id;
}

void add_encryption_headers(service::response& res, const object_headers& headers) {
    res.headers.set("x-amz-server-side-encryption", headers.sse_algorithm.value_or("AES256"));
    if (headers.sse_kms_key_id) {
        res.headers.set("x-amz-server-side-encryption-aws-kms-key-id", *headers.sse_kms_key_id);
    }
}

} // namespace cloudbox::services::s3
