// S3 operation resolution. Subresources S3 knows but cloudbox does not implement get
// NotImplemented; query parameters S3 does not know are ignored, as S3 ignores them.
#include "s3/s3_operation_resolver.hpp"

#include "s3/s3_errors.hpp"

#include <array>
#include <string_view>

namespace cloudbox::services::s3 {

namespace {

// Subresources of S3's REST API that cloudbox does not implement (yet).
constexpr std::array<std::string_view, 15> unimplemented_subresources{
    "accelerate",  "analytics",   "intelligent-tiering", "inventory",  "logging",   "metrics",
    "object-lock", "replication", "requestPayment",      "legal-hold", "retention", "restore",
    "select",      "torrent",     "renameObject"};

// Bucket configuration documents: the subresource and the operation for GET, PUT and DELETE
// (empty where S3 has no such operation).
struct configuration_subresource {
    std::string_view name;
    std::string_view get;
    std::string_view put;
    std::string_view del;
};
constexpr std::array<configuration_subresource, 7> configuration_subresources{{
    {"policy", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy"},
    {"policyStatus", "GetBucketPolicyStatus", "", ""},
    {"lifecycle", "GetBucketLifecycleConfiguration", "PutBucketLifecycleConfiguration",
     "DeleteBucketLifecycle"},
    {"encryption", "GetBucketEncryption", "PutBucketEncryption", "DeleteBucketEncryption"},
    {"website", "GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite"},
    {"publicAccessBlock", "GetPublicAccessBlock", "PutPublicAccessBlock",
     "DeletePublicAccessBlock"},
    {"ownershipControls", "GetBucketOwnershipControls", "PutBucketOwnershipControls",
     "DeleteBucketOwnershipControls"},
}};

// The configuration operation a bucket request names, or empty when it names none. A method
// the subresource has no operation for is refused rather than taken for another operation
// (PUT ?policyStatus is not CreateBucket); on an object key these bucket documents are not
// implemented, so such a request can never write an object.
std::string_view configuration_operation(const service::request& req, bool object) {
    for (const auto& sub : configuration_subresources) {
        if (!req.query.has(sub.name)) {
            continue;
        }
        if (object) {
            throw core::aws_error("NotImplemented",
                                  "cloudbox does not implement the S3 '" + std::string(sub.name) +
                                      "' subresource on objects.",
                                  501)
                .with("Subresource", std::string(sub.name));
        }
        const std::string& m = req.method;
        auto op = m == "GET" ? sub.get : m == "PUT" ? sub.put : m == "DELETE" ? sub.del : "";
        if (op.empty()) {
            throw errors::method_not_allowed(m, "BUCKET");
        }
        return op;
    }
    return {};
}

std::string bucket_operation(const service::request& req) {
    const auto& q = req.query;
    const std::string& m = req.method;
    if (auto op = configuration_operation(req, false); !op.empty()) {
        return std::string(op);
    }
    if (m == "GET") {
        if (q.has("location")) {
            return "GetBucketLocation";
        }
        if (q.has("tagging")) {
            return "GetBucketTagging";
        }
        if (q.has("cors")) {
            return "GetBucketCors";
        }
        if (q.has("notification")) {
            return "GetBucketNotificationConfiguration";
        }
        if (q.has("acl")) {
            return "GetBucketAcl";
        }
        if (q.has("versioning")) {
            return "GetBucketVersioning";
        }
        if (q.has("uploads")) {
            return "ListMultipartUploads";
        }
        if (q.has("versions")) {
            return "ListObjectVersions";
        }
        if (q.get("list-type") == "2") {
            return "ListObjectsV2";
        }
        return "ListObjects";
    }
    if (m == "PUT") {
        if (q.has("tagging")) {
            return "PutBucketTagging";
        }
        if (q.has("cors")) {
            return "PutBucketCors";
        }
        if (q.has("notification")) {
            return "PutBucketNotificationConfiguration";
        }
        if (q.has("acl")) {
            return "PutBucketAcl";
        }
        if (q.has("versioning")) {
            return "PutBucketVersioning";
        }
        return "CreateBucket";
    }
    if (m == "HEAD") {
        return "HeadBucket";
    }
    if (m == "DELETE") {
        if (q.has("tagging")) {
            return "DeleteBucketTagging";
        }
        if (q.has("cors")) {
            return "DeleteBucketCors";
        }
        return "DeleteBucket";
    }
    if (m == "POST" && q.has("delete")) {
        return "DeleteObjects";
    }
    if (m == "OPTIONS") {
        return "PreflightRequest";
    }
    throw errors::method_not_allowed(m, "BUCKET");
}

std::string object_operation(const service::request& req) {
    const auto& q = req.query;
    const std::string& m = req.method;
    bool copy = req.headers.has("x-amz-copy-source");
    if (m == "GET") {
        if (q.has("uploadId")) {
            return "ListParts";
        }
        if (q.has("tagging")) {
            return "GetObjectTagging";
        }
        if (q.has("acl")) {
            return "GetObjectAcl";
        }
        if (q.has("attributes")) {
            return "GetObjectAttributes";
        }
        return "GetObject";
    }
    if (m == "PUT") {
        if (q.has("partNumber") && q.has("uploadId")) {
            return copy ? "UploadPartCopy" : "UploadPart";
        }
        if (q.has("tagging")) {
            return "PutObjectTagging";
        }
        if (q.has("acl")) {
            return "PutObjectAcl";
        }
        return copy ? "CopyObject" : "PutObject";
    }
    if (m == "HEAD") {
        return "HeadObject";
    }
    if (m == "DELETE") {
        if (q.has("uploadId")) {
            return "AbortMultipartUpload";
        }
        if (q.has("tagging")) {
            return "DeleteObjectTagging";
        }
        return "DeleteObject";
    }
    if (m == "POST") {
        if (q.has("uploads")) {
            return "CreateMultipartUpload";
        }
        if (q.has("uploadId")) {
            return "CompleteMultipartUpload";
        }
    }
    if (m == "OPTIONS") {
        return "PreflightRequest";
    }
    throw errors::method_not_allowed(m, "OBJECT");
}

} // namespace

std::string resolve_operation(const service::request& req, const s3_target& target) {
    for (auto sub : unimplemented_subresources) {
        if (req.query.has(sub)) {
            throw core::aws_error("NotImplemented",
                                  "cloudbox does not implement the S3 '" + std::string(sub) +
                                      "' subresource yet.",
                                  501)
                .with("Subresource", std::string(sub));
        }
    }
    if (target.bucket.empty()) {
        if (req.method == "GET") {
            return "ListBuckets";
        }
        throw errors::method_not_allowed(req.method, "SERVICE");
    }
    if (!target.key.empty()) {
        configuration_operation(req, true);
        return object_operation(req);
    }
    return bucket_operation(req);
}

} // namespace cloudbox::services::s3
