// PutBucketTagging: PUT /bucket?tagging replaces the bucket's tag set (at most 50 tags); S3
// answers 204 No Content.
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"
#include "s3/s3_validation.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::s3::ops {

service::response put_bucket_tagging(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, true);
    string_pairs tags = parse_tagging_xml(call.req.body, 50);
    // Stored as a JSON array of [key, value] pairs in the order given (GetBucketTagging echoes
    // it). An empty TagSet leaves the bucket without tags.
    call.s3.store.set_bucket_config(call.bucket(), "tagging",
                                    tags.empty() ? std::nullopt
                                                 : std::optional(nlohmann::json(tags).dump()));
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
