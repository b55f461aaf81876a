// ListObjectsV2: GET /bucket?list-type=2. Pages with an opaque ContinuationToken (cloudbox's
// carries the last key or common prefix returned); StartAfter applies when no token is given.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_listing.hpp"
#include "s3/s3_owner.hpp"

#include <algorithm>

namespace cloudbox::services::s3::ops {

service::response list_objects_v2(s3_call& call) {
    const auto& q = call.req.query;
    const bool url = parse_encoding_type(call.req);
    const int max_keys = parse_max_keys(call.req);
    if (auto marker = q.get("marker")) {
        // S3 refuses the v1 pagination parameter on a v2 listing.
        throw errors::marker_with_list_type_2(std::string(*marker));
    }
    auto token = q.get("continuation-token");
    std::optional<std::string> token_key;
    if (token) {
        token_key = parse_continuation_token(*token);
        if (!token_key) {
            throw errors::invalid_continuation_token(std::string(*token));
        }
    }
    require_bucket(call);

    const std::string start_after(q.get("start-after").value_or(""));
    const bool fetch_owner = q.get("fetch-owner") == "true";
    list_request lr;
    lr.prefix = std::string(q.get("prefix").value_or(""));
    lr.delimiter = std::string(q.get("delimiter").value_or(""));
    // The token is where the previous page stopped; it wins over StartAfter.
    lr.start_after = token_key ? *token_key : start_after;
    lr.max_keys = std::min(max_keys, max_list_page);
    list_result result;
    if (lr.max_keys > 0) {
        result = call.s3.store.list_objects(call.bucket(), lr);
    }

    auto enc = [&](const std::string& s) { return url ? s3_url_encode(s) : s; };
    protocol::xml_writer w;
    w.open("ListBucketResult", s3_xmlns);
    w.element("Name", call.bucket());
    w.element("Prefix", enc(lr.prefix));
    if (q.has("start-after")) {
        w.element("StartAfter", enc(start_after));
    }
    if (token) {
        w.element("ContinuationToken", *token);
    }
    if (result.truncated) {
        w.element("NextContinuationToken", make_continuation_token(result.last_key));
    }
    w.element("KeyCount", static_cast<long long>(result.entries.size()));
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
            write_list_contents(w, e.object, url, fetch_owner);
        }
    }
    write_common_prefixes(w, result, url);
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
