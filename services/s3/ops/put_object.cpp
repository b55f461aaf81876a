// PutObject: the body was streamed into an upload sink (inline or blob) while it arrived; here it
// is verified and published in one short transaction.
#include "core/encoding.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_storage_class.hpp"
#include "s3/s3_upload_checks.hpp"
#include "s3/s3_validation.hpp"

namespace cloudbox::services::s3::ops {

service::response put_object(s3_call& call) {
    check_key(call.key());
    auto& sink = upload_sink_of(call.req);
    auto checksum = verify_upload(call.req, sink);

    object_record o;
    o.bucket = call.bucket();
    o.key = call.key();
    o.size = sink.size();
    o.etag = core::to_hex(sink.md5());
    o.last_modified_ms = call.s3.clock.now_millis();
    o.headers = headers_from_request(call.req);
    o.storage_class = storage_class_of(call.req);
    if (auto tagging = call.req.headers.get("x-amz-tagging")) {
        o.tags = parse_tagging_header(*tagging);
    }
    if (checksum) {
        o.checksum_algorithm = checksum->algorithm;
        o.checksum_value = checksum->value;
        o.checksum_type = "FULL_OBJECT";
    }
    if (sink.is_inline()) {
        o.inline_data = sink.take_inline();
    } else {
        std::string blob = sink.commit_blob();
        o.segments.push_back({blob, 0, o.size});
    }
    try {
        call.s3.free_blobs(call.s3.store.put_object(o));
    } catch (...) {
        call.s3.free_blobs(blobs_of(o));
        throw;
    }

    service::response res;
    res.headers.set("etag", quote_etag(o.etag));
    if (checksum) {
        res.headers.set(std::string(checksum_by_name(checksum->algorithm)->header),
                        checksum->value);
        res.headers.set("x-amz-checksum-type", "FULL_OBJECT");
    }
    if (o.storage_class != "STANDARD") {
        res.headers.set("x-amz-storage-class", o.storage_class);
    }
    return res;
}

} // namespace cloudbox::services::s3::ops
