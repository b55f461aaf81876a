// PutBucketPolicy: PUT /bucket?policy stores the policy document exactly as sent (GetBucketPolicy
// returns those bytes); S3 answers 204. The document's shape is checked with S3's messages; the
// policy is not evaluated (cloudbox does not authorise requests).
#include "s3/ops/ops.hpp"
#include "s3/s3_body_checks.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::s3::ops {

service::response put_bucket_policy(s3_call& call) {
    require_bucket(call);
    verify_body_integrity(call.req, false);
    const std::string& body = call.req.body;
    auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || body[first] != '{') {
        throw errors::malformed_policy(
            "Policies must be valid JSON and the first byte must be '{'");
    }
    auto policy = nlohmann::json::parse(body, nullptr, false);
    if (!policy.is_object()) {
        throw errors::malformed_policy("This policy contains invalid Json");
    }
    auto statement = policy.find("Statement");
    if (statement == policy.end()) {
        throw errors::malformed_policy("Missing required field Statement");
    }
    if (statement->empty()) {
        throw errors::malformed_policy("Could not parse the policy: Statement is empty!");
    }
    call.s3.store.set_bucket_config(call.bucket(), "policy", body);
    service::response res;
    res.status = 204;
    return res;
}

} // namespace cloudbox::services::s3::ops
