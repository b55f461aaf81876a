// PutObject: the body was streamed into an upload sink (inline or blob) while it arrived; here it
// is verified and published in one short transaction.
#include "core/encoding.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_encryption.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_storage_class.hpp"
#include "s3/s3_upload_checks.hpp"
#include "s3/s3_validation.hpp"

namespace cloudbox::services::s3::ops {

namespace {

// The object described by the request, after S3's checks of the key, body and headers.
object_record object_from_request(s3_call& call, s3_upload_sink& sink) {
    check_key(call.key());
    auto checksum = verify_upload(call.req, sink);

    object_record o;
    o.bucket = call.bucket();
    o.key = call.key();
    o.size = sink.size();
    o.etag = core::to_hex(sink.md5());
    o.last_modified_ms = call.s3.clock.now_millis();
    o.headers = headers_from_request(call.req);
    set_encryption(o.headers, encryption_for_write(call.req, call.s3.encryption, call.bucket()));
    o.storage_class = storage_class_of(call.req);
    if (auto tagging = call.req.headers.get("x-amz-tagging")) {
        o.tags = parse_tagging_header(*tagging);
    }
    if (checksum) {
        o.checksum_algorithm = checksum->algorithm;
        o.checksum_value = checksum->value;
        o.checksum_type = "FULL_OBJECT";
    }
    return o;
}

} // namespace

service::response put_object(s3_call& call) {
    auto& sink = upload_sink_of(call.req);
    object_record o;
    try {
        o = object_from_request(call, sink);
    } catch (const core::aws_error&) {
        // S3 answers NoSuchBucket before any complaint about the request (a small PUT's bucket
        // is otherwise only checked in its write transaction).
        require_bucket(call);
        throw;
    }
    if (call.req.headers.has("if-none-match") || call.req.headers.has("if-match")) {
        require_bucket(call);
        check_write_conditions(call);
    }
    if (sink.is_inline()) {
        o.inline_data = sink.take_inline();
    } else {
        std::string blob = sink.commit_blob();
        o.segments.push_back({blob, 0, o.size});
    }
    try {
        auto freed = call.s3.store.put_object(o);
        if (!freed) {
            throw errors::no_such_bucket(o.bucket);
        }
        call.s3.free_blobs(*freed);
    } catch (...) {
        call.s3.free_blobs(blobs_of(o));
        throw;
    }

    publish_object_event(call, "ObjectCreated:Put", o.key, o.size, o.etag);
    service::response res;
    res.headers.set("etag", quote_etag(o.etag));
    add_encryption_headers(res, o.headers);
    if (o.checksum_algorithm && o.checksum_value) {
        res.headers.set(std::string(checksum_by_name(*o.checksum_algorithm)->header),
                        *o.checksum_value);
        res.headers.set("x-amz-checksum-type", "FULL_OBJECT");
    }
    if (o.storage_class != "STANDARD") {
        res.headers.set("x-amz-storage-class", o.storage_class);
    }
    return res;
}

} // namespace cloudbox::services::s3::ops
