// UploadPart: PUT /bucket/key?partNumber=N&uploadId=X. The body was streamed into a blob by
// s3_service::plan_body (after it checked the upload exists); here it is verified and recorded.
// A part sent again replaces the earlier one.
#include "core/encoding.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_encryption.hpp"
#include "s3/s3_multipart.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_upload_checks.hpp"

namespace cloudbox::services::s3::ops {

service::response upload_part(s3_call& call) {
    auto upload = require_upload(call);
    int part_number = part_number_of(call.req);
    auto& sink = upload_sink_of(call.req);
    auto checksum = verify_upload(call.req, sink);

    // An upload created with a checksum algorithm takes parts with that algorithm only; S3
    // computes it when the request carries none (plan_body asked the sink for it).
    std::optional<std::string> part_checksum;
    if (upload.checksum_algorithm) {
        if (checksum && checksum->algorithm != *upload.checksum_algorithm) {
            throw errors::checksum_type_mismatch(core::to_lower(*upload.checksum_algorithm),
                                                 core::to_lower(checksum->algorithm));
        }
        if (checksum) {
            part_checksum = checksum->value;
        } else if (sink.checksum()) {
            part_checksum = core::base64_encode(*sink.checksum());
        }
    }

    part_record part;
    part.upload_id = upload.upload_id;
    part.part_number = part_number;
    part.etag = core::to_hex(sink.md5());
    part.size = sink.size();
    part.last_modified_ms = call.s3.clock.now_millis();
    part.checksum_value = part_checksum;
    part.blob_id = sink.commit_blob();
    try {
        call.s3.free_blobs(call.s3.store.put_part(part));
    } catch (...) {
        call.s3.free_blobs({part.blob_id});
        throw;
    }

    service::response res;
    res.headers.set("etag", quote_etag(part.etag));
    add_encryption_headers(res, upload.headers);
    // The checksum the client sent (verified) or the one of the upload's algorithm.
    if (checksum) {
        res.headers.set(std::string(checksum_by_name(checksum->algorithm)->header),
                        checksum->value);
    } else if (part_checksum) {
        res.headers.set(std::string(checksum_by_name(*upload.checksum_algorithm)->header),
                        *part_checksum);
    }
    return res;
}

} // namespace cloudbox::services::s3::ops
