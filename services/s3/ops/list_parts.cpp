// ListParts: GET /bucket/key?uploadId=X, the parts of an upload in part-number order, in pages of
// max-parts (default and maximum 1000) after part-number-marker.
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_multipart.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_text.hpp"

#include <algorithm>

namespace cloudbox::services::s3::ops {

service::response list_parts(s3_call& call) {
    auto upload = require_upload(call);
    int max_parts = std::min(list_argument(call.req, "max-parts", 1000, true), 1000);
    int marker = list_argument(call.req, "part-number-marker", 0, true);

    std::vector<part_record> parts;
    bool truncated = false;
    if (max_parts > 0) {
        parts = call.s3.store.list_parts(upload.upload_id, marker, max_parts);
        truncated = parts.size() > static_cast<std::size_t>(max_parts);
        if (truncated) {
            parts.resize(static_cast<std::size_t>(max_parts));
        }
    }
    // S3 reports the last part listed as the next marker; 0 when a page lists none (a marker
    // past the last part), the marker itself when max-parts is 0.
    int next_marker = !parts.empty() ? parts.back().part_number : max_parts == 0 ? marker : 0;

    protocol::xml_writer w;
    w.open("ListPartsResult", s3_xmlns)
        .element("Bucket", upload.bucket)
        .element("Key", upload.key)
        .element("UploadId", upload.upload_id)
        .element("PartNumberMarker", marker)
        .element("NextPartNumberMarker", next_marker)
        .element("MaxParts", max_parts)
        .element("IsTruncated", truncated ? "true" : "false");
    for (const auto& p : parts) {
        w.open("Part")
            .element("PartNumber", p.part_number)
            .element("LastModified", listing_time(p.last_modified_ms))
            .element("ETag", quote_etag(p.etag))
            .element("Size", static_cast<long long>(p.size));
        if (upload.checksum_algorithm && p.checksum_value) {
            w.element("Checksum" + *upload.checksum_algorithm, *p.checksum_value);
        }
        w.close();
    }
    write_initiator_and_owner(w);
    w.element("StorageClass", upload.storage_class);
    if (upload.checksum_algorithm) {
        w.element("ChecksumAlgorithm", *upload.checksum_algorithm);
        w.element("ChecksumType", upload.checksum_type.value_or("COMPOSITE"));
    }
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
