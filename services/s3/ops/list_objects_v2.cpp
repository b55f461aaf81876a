// ListObjectsV2: GET /bucket?list-type=2. Pages with an opaque ContinuationToken (cloudbox's
// carries the last key or common prefix returned); StartAfter applies when no token is given.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_listing.hpp"

namespace cloudbox::services::s3::ops {

service::response list_objects_v2(s3_call& call) {
    const auto& q = call.req.query;
    const listing_params params = parse_listing_params(call.req);
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
    auto bucket = require_bucket(call);

    const std::string start_after(q.get("start-after").value_or(""));
    const bool fetch_owner = q.get("fetch-owner") == "true";
    // The token is where the previous page stopped; it wins over StartAfter.
    list_result result = list_page(call, params, token_key ? *token_key : start_after);

    protocol::xml_writer w;
    open_listing(w, "ListBucketResult", call.bucket(), params);
    if (q.has("start-after") && !token) { // S3 echoes it only on a first page
        w.element("StartAfter", params.encode(start_after));
    }
    if (token) {
        w.element("ContinuationToken", *token);
    }
    if (result.truncated) {
        w.element("NextContinuationToken", make_continuation_token(result.last_key));
    }
    w.element("KeyCount", static_cast<long long>(result.entries.size()));
    write_listing_page(w, params, result, [&](const object_summary& o) {
        write_list_contents(w, o, params.url, fetch_owner);
    });
    w.close();
    auto res = xml_response(std::move(w).str());
    res.headers.set("x-amz-bucket-region", bucket.region); // SDKs redirect on it, as on HEAD
    return res;
}

} // namespace cloudbox::services::s3::ops
