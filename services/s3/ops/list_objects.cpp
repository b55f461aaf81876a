// ListObjects (v1): GET /bucket. Pages with Marker; NextMarker only under a delimiter, as S3
// (without one, clients resume from the last Key).
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_listing.hpp"
#include "s3/s3_owner.hpp"

#include <algorithm>

namespace cloudbox::services::s3::ops {

service::response list_objects(s3_call& call) {
    const auto& q = call.req.query;
    const bool url = parse_encoding_type(call.req);
    const int max_keys = parse_max_keys(call.req);
    require_bucket(call);

    list_request lr;
    lr.prefix = std::string(q.get("prefix").value_or(""));
    lr.delimiter = std::string(q.get("delimiter").value_or(""));
    lr.start_after = std::string(q.get("marker").value_or(""));
    lr.max_keys = std::min(max_keys, max_list_page);
    // max-keys=0 answers an empty, untruncated page (observed; s3-tests
    // test_bucket_list_maxkeys_zero).
    list_result result;
    if (lr.max_keys > 0) {
        result = call.s3.store.list_objects(call.bucket(), lr);
    }

    auto enc = [&](const std::string& s) { return url ? s3_url_encode(s) : s; };
    protocol::xml_writer w;
    w.open("ListBucketResult", s3_xmlns);
    w.element("Name", call.bucket());
    w.element("Prefix", enc(lr.prefix));
    w.element("Marker", enc(lr.start_after));
    if (result.truncated && !lr.delimiter.empty()) {
        w.element("NextMarker", enc(result.last_key));
    }
    w.element("MaxKeys", max_keys);
    if (!lr.delimiter.empty()) {
        w.element("Delimiter", enc(lr.delimiter));
    }
    if (url) {
        w.element("EncodingType", "url");
    }
    w.element("IsTruncated", result.truncated ? "true" : "false");
    for (const auto& e : result.entries) {
        if (!e.is_prefix) {
            write_list_contents(w, e.object, url, true);
        }
    }
    write_common_prefixes(w, result, url);
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
