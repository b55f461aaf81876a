// The S3 service: addressing, operation resolution, the dispatch table, body plans, errors.
#include "s3/s3_service.hpp"

#include "core/logging.hpp"
#include "protocol/error_render.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_cors.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_operation_resolver.hpp"
#include "s3/s3_upload_sink.hpp"

#include <string_view>
#include <unordered_map>

namespace cloudbox::services::s3 {

namespace {

// The dispatch table, keyed by the exact AWS operation name.
const std::unordered_map<std::string_view, s3_operation>& dispatch_table() {
    static const std::unordered_map<std::string_view, s3_operation> table{
        {"ListBuckets", ops::list_buckets},
        {"CreateBucket", ops::create_bucket},
        {"HeadBucket", ops::head_bucket},
        {"DeleteBucket", ops::delete_bucket},
        {"GetBucketLocation", ops::get_bucket_location},
        {"GetBucketTagging", ops::get_bucket_tagging},
        {"PutBucketTagging", ops::put_bucket_tagging},
        {"DeleteBucketTagging", ops::delete_bucket_tagging},
        {"GetBucketCors", ops::get_bucket_cors},
        {"PutBucketCors", ops::put_bucket_cors},
        {"DeleteBucketCors", ops::delete_bucket_cors},
        {"GetBucketNotificationConfiguration", ops::get_bucket_notification_configuration},
        {"PutBucketNotificationConfiguration", ops::put_bucket_notification_configuration},
        {"GetBucketAcl", ops::get_bucket_acl},
        {"PutBucketAcl", ops::put_bucket_acl},
        {"GetBucketVersioning", ops::get_bucket_versioning},
        {"PutBucketVersioning", ops::put_bucket_versioning},
        {"GetBucketPolicy", ops::get_bucket_policy},
        {"PutBucketPolicy", ops::put_bucket_policy},
        {"DeleteBucketPolicy", ops::delete_bucket_policy},
        {"GetBucketPolicyStatus", ops::get_bucket_policy_status},
        {"GetBucketLifecycleConfiguration", ops::get_bucket_lifecycle_configuration},
        {"PutBucketLifecycleConfiguration", ops::put_bucket_lifecycle_configuration},
        {"DeleteBucketLifecycle", ops::delete_bucket_lifecycle},
        {"GetBucketEncryption", ops::get_bucket_encryption},
        {"PutBucketEncryption", ops::put_bucket_encryption},
        {"DeleteBucketEncryption", ops::delete_bucket_encryption},
        {"GetBucketWebsite", ops::get_bucket_website},
        {"PutBucketWebsite", ops::put_bucket_website},
        {"DeleteBucketWebsite", ops::delete_bucket_website},
        {"GetPublicAccessBlock", ops::get_public_access_block},
        {"PutPublicAccessBlock", ops::put_public_access_block},
        {"DeletePublicAccessBlock", ops::delete_public_access_block},
        {"GetBucketOwnershipControls", ops::get_bucket_ownership_controls},
        {"PutBucketOwnershipControls", ops::put_bucket_ownership_controls},
        {"DeleteBucketOwnershipControls", ops::delete_bucket_ownership_controls},
        {"PreflightRequest", ops::preflight_request},
        {"ListObjects", ops::list_objects},
        {"ListObjectsV2", ops::list_objects_v2},
        {"ListObjectVersions", ops::list_object_versions},
        {"PutObject", ops::put_object},
        {"GetObject", ops::get_object},
        {"HeadObject", ops::head_object},
        {"DeleteObject", ops::delete_object},
        {"DeleteObjects", ops::delete_objects},
        {"CopyObject", ops::copy_object},
        {"GetObjectTagging", ops::get_object_tagging},
        {"PutObjectTagging", ops::put_object_tagging},
        {"DeleteObjectTagging", ops::delete_object_tagging},
        {"GetObjectAcl", ops::get_object_acl},
        {"PutObjectAcl", ops::put_object_acl},
        {"GetObjectAttributes", ops::get_object_attributes},
        {"CreateMultipartUpload", ops::create_multipart_upload},
        {"UploadPart", ops::upload_part},
        {"UploadPartCopy", ops::upload_part_copy},
        {"CompleteMultipartUpload", ops::complete_multipart_upload},
        {"AbortMultipartUpload", ops::abort_multipart_upload},
        {"ListParts", ops::list_parts},
        {"ListMultipartUploads", ops::list_multipart_uploads},
    };
    return table;
}

constexpr std::uint64_t max_single_put = 5ULL * 1024 * 1024 * 1024; // 5 GiB
constexpr std::uint64_t max_buffered_body = 8ULL * 1024 * 1024;     // XML bodies

bool is_hex_sha256(std::string_view v) {
    return v.size() == 64 && v.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

} // namespace

void s3_context::free_blobs(const std::vector<std::string>& blob_ids) const {
    for (const auto& id : blob_ids) {
        blobs.remove(id);
    }
}

s3_service::s3_service(s3_options options, core::clock& clock)
    : options_(std::move(options)), clock_(clock) {
    std::filesystem::create_directories(options_.root);
    blobs_ = std::make_unique<storage::blob_store>(options_.root / "blobs", !options_.in_memory);
    store_ = std::make_unique<s3_store>(options_.in_memory ? ":memory:"
                                                           : (options_.root / "s3.db").string());
    notifier_ = std::make_unique<s3_notifier>(options_.bus);
    load_notifications();
    encryption_ = std::make_unique<bucket_encryption_defaults>(*store_);
    context_ = std::make_unique<s3_context>(
        s3_context{*store_, *blobs_, clock_, options_, *notifier_, *encryption_});
}

void s3_service::load_notifications() {
    for (const auto& bucket : store_->list_buckets()) {
        if (auto text = store_->get_bucket_config(bucket.name, "notification")) {
            notifier_->configuration_changed(bucket.name, bucket.region,
                                             notification_from_json(*text));
        }
    }
}

s3_service::~s3_service() = default;

service::body_plan s3_service::plan_body(service::request& req) {
    service::body_plan plan;
    s3_target target = resolve_target(req);
    req.ctx.operation = resolve_operation(req, target);
    const std::string& op = req.ctx.operation;
    if (op != "PutObject" && op != "UploadPart") {
        plan.max_buffered = max_buffered_body;
        return plan;
    }
    // Refuse a large body (or one the client holds back for 100-continue) before reading it,
    // as S3 does; a small PutObject checks its bucket in its write transaction instead.
    auto length = req.headers.get("content-length");
    bool small = length && length->size() < 7 && req.headers.get("expect") != "100-continue";
    if ((op != "PutObject" || !small) && !store_->get_bucket(target.bucket)) {
        throw errors::no_such_bucket(target.bucket);
    }
    std::optional<upload_record> upload;
    if (op == "UploadPart") {
        auto upload_id = std::string(req.query.get("uploadId").value_or(""));
        upload = store_->get_upload(upload_id);
        if (!upload || upload->bucket != target.bucket || upload->key != target.key) {
            throw errors::no_such_upload(upload_id);
        }
    }
    upload_sink_options opts;
    opts.inline_limit = op == "PutObject" ? options_.inline_limit : 0;
    opts.max_size = max_single_put;
    if (auto spec = requested_checksum(req)) {
        opts.checksum = spec->kind;
    } else if (upload && upload->checksum_algorithm) {
        // S3 computes the part checksum of an upload created with a checksum algorithm.
        if (auto upload_spec = checksum_by_name(*upload->checksum_algorithm)) {
            opts.checksum = upload_spec->kind;
        }
    }
    auto sha = req.headers.get("x-amz-content-sha256").value_or("");
    opts.sha256 = is_hex_sha256(sha);
    auto encoding = req.headers.get("content-encoding").value_or("");
    opts.aws_chunked =
        sha.starts_with("STREAMING-") || encoding.find("aws-chunked") != std::string_view::npos;
    plan.sink = std::make_unique<s3_upload_sink>(*blobs_, opts);
    return plan;
}

service::response s3_service::handle(service::request& req) {
    s3_target target = resolve_target(req);
    if (req.ctx.operation.empty()) {
        req.ctx.operation = resolve_operation(req, target);
    }
    const auto& table = dispatch_table();
    auto it = table.find(req.ctx.operation);
    if (it == table.end()) {
        throw errors::not_implemented(req.ctx.operation);
    }
    s3_call call{*context_, req, target};
    service::response res = it->second(call);
    // A cross-origin request (Origin header) gets the matching CORS rule's headers, as S3 adds
    // them to successful responses; no configuration lookup happens without an Origin.
    if (req.headers.has("origin") && !target.bucket.empty() &&
        req.ctx.operation != "PreflightRequest") {
        add_bucket_cors_headers(*store_, target.bucket, req, res);
    }
    res.headers.set("x-amz-request-id", req.ctx.request_id);
    res.headers.set("x-amz-id-2", req.ctx.request_id);
    return res;
}

service::response s3_service::render_error(const core::aws_error& error,
                                           const service::request& req) const {
    return protocol::render_rest_xml_error(error, req.ctx.request_id, req.method == "HEAD");
}

void s3_service::reset() {
    store_->reset();
    encryption_->clear();
    blobs_->clear();
    notifier_->clear();
}

service::response xml_response(std::string body, int status) {
    service::response res;
    res.status = status;
    res.headers.set("content-type", "application/xml");
    res.body = std::move(body);
    return res;
}

void publish_object_event(s3_call& call, std::string event_name, const std::string& key,
                          std::optional<std::uint64_t> size, const std::string& etag) {
    object_event e;
    e.event_name = std::move(event_name);
    e.bucket = call.bucket();
    e.key = key;
    e.size = size;
    e.etag = etag;
    e.request_id = call.request_id();
    e.source_ip = call.req.remote_address;
    e.principal = call.req.ctx.access_key.empty() ? "anonymous" : call.req.ctx.access_key;
    e.time_ms = call.s3.clock.now_millis();
    call.s3.notifier.publish(e);
}

void check_write_conditions(s3_call& call) {
    auto if_none = call.req.headers.get("if-none-match");
    auto if_match = call.req.headers.get("if-match");
    if (!if_none && !if_match) {
        return;
    }
    // Writes take only If-None-Match: * and If-Match: <etag>, one at a time (S3's 501s).
    auto not_implemented = [](const std::string& header, const std::string& detail) {
        return core::aws_error("NotImplemented",
                               "A header you provided implies functionality that is not "
                               "implemented",
                               501)
            .with("Header", header)
            .with("additionalMessage", detail);
    };
    if (if_none && if_match) {
        throw not_implemented("If-Match,If-None-Match",
                              "Multiple conditional request headers present in the request");
    }
    if (if_none && *if_none != "*") {
        throw not_implemented("If-None-Match", "We don't accept the provided value of "
                                               "If-None-Match header for this API");
    }
    if (if_match && *if_match == "*") {
        throw not_implemented("If-Match",
                              "We don't accept the provided value of If-Match header for this API");
    }
    auto existing = call.s3.store.get_object(call.bucket(), call.key());
    if (if_none && *if_none == "*" && existing) {
        throw errors::precondition_failed("If-None-Match");
    }
    if (if_match) {
        if (!existing) {
            throw errors::no_such_key(call.key());
        }
        if (unquote_etag(*if_match) != existing->etag) {
            throw errors::precondition_failed("If-Match");
        }
    }
}

bucket_record require_bucket(s3_call& call) {
    auto bucket = call.s3.store.get_bucket(call.bucket());
    if (!bucket) {
        throw errors::no_such_bucket(call.bucket());
    }
    return *bucket;
}

} // namespace cloudbox::services::s3
