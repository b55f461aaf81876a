// GetBucketPolicyStatus: GET /bucket?policyStatus tells whether the stored policy makes the
// bucket public; NoSuchBucketPolicy (404) without a policy, as S3 answers.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_owner.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::s3::ops {

namespace {

bool names_everyone(const nlohmann::json& principal) {
    if (principal.is_string()) {
        return principal == "*";
    }
    if (principal.is_array()) {
        for (const auto& p : principal) {
            if (names_everyone(p)) {
                return true;
            }
        }
        return false;
    }
    return principal.is_object() && principal.contains("AWS") && names_everyone(principal["AWS"]);
}

// S3's simplified rule: an Allow statement for every principal ("*" or {"AWS": "*"}) without a
// Condition makes the bucket public (S3 also treats some conditions as non-restrictive).
bool policy_is_public(const nlohmann::json& policy) {
    auto statements = policy.value("Statement", nlohmann::json::array());
    if (statements.is_object()) {
        statements = nlohmann::json::array({statements});
    }
    for (const auto& s : statements) {
        if (s.is_object() && s.value("Effect", "") == "Allow" && s.contains("Principal") &&
            names_everyone(s["Principal"]) && !s.contains("Condition")) {
            return true;
        }
    }
    return false;
}

} // namespace

service::response get_bucket_policy_status(s3_call& call) {
    require_bucket(call);
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "policy");
    if (!stored) {
        throw errors::no_such_bucket_policy(call.bucket());
    }
    auto policy = nlohmann::json::parse(*stored, nullptr, false);
    protocol::xml_writer w;
    w.open("PolicyStatus", s3_xmlns);
    w.element("IsPublic", policy_is_public(policy) ? "true" : "false");
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
