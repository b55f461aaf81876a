// ListObjects (v1): GET /bucket. Pages with Marker; NextMarker only under a delimiter, as S3
// (without one, clients resume from the last Key).
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_listing.hpp"

namespace cloudbox::services::s3::ops {

service::response list_objects(s3_call& call) {
    const listing_params params = parse_listing_params(call.req);
    auto bucket = require_bucket(call);

    const std::string marker(call.req.query.get("marker").value_or(""));
    list_result result = list_page(call, params, marker);

    protocol::xml_writer w;
    open_listing(w, "ListBucketResult", call.bucket(), params);
    w.element("Marker", params.encode(marker));
    if (result.truncated && !params.delimiter.empty()) {
        w.element("NextMarker", params.encode(result.last_key));
    }
    write_listing_page(w, params, result, [&](const object_summary& o) {
        write_list_contents(w, o, params.url, true);
    });
    w.close();
    auto res = xml_response(std::move(w).str());
    res.headers.set("x-amz-bucket-region", bucket.region); // SDKs redirect on it, as on HEAD
    return res;
}

} // namespace cloudbox::services::s3::ops
