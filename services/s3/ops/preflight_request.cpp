// PreflightRequest: OPTIONS on a bucket or object, a browser's CORS preflight. It carries no
// signature (the service resolver falls back to S3 for it). S3's checks, in order: Origin
// present, Access-Control-Request-Method one of the five CORS methods (both 400 BadRequest), the
// bucket exists and has a CORS configuration, then a rule matches (all 403 AccessForbidden).
#include "s3/ops/ops.hpp"
#include "s3/s3_cors.hpp"

namespace cloudbox::services::s3::ops {

service::response preflight_request(s3_call& call) {
    const auto& h = call.req.headers;
    auto origin = h.get("origin");
    if (!origin) {
        throw errors::bad_request("Insufficient information. Origin request header needed.");
    }
    auto method = h.get("access-control-request-method");
    if (!method || (*method != "GET" && *method != "PUT" && *method != "HEAD" &&
                    *method != "POST" && *method != "DELETE")) {
        throw errors::bad_request("Invalid Access-Control-Request-Method: " +
                                  std::string(method.value_or("null")));
    }
    const std::string m(*method);
    if (!call.s3.store.get_bucket(call.bucket())) {
        throw errors::cors_forbidden("Bucket not found", m, "BUCKET");
    }
    auto stored = call.s3.store.get_bucket_config(call.bucket(), "cors");
    if (!stored) {
        throw errors::cors_forbidden("CORS is not enabled for this bucket.", m, "BUCKET");
    }
    auto config = cors_from_json(*stored);
    auto requested = h.get("access-control-request-headers").value_or("");
    const cors_rule* rule = match_cors_rule(config, *origin, m, requested);
    if (rule == nullptr) {
        throw errors::cors_forbidden(
            "This CORS request is not allowed. This is usually because the evalution of Origin, "
            "request method / Access-Control-Request-Method or Access-Control-Request-Headers "
            "are not whitelisted by the resource's CORS spec.",
            m, "OBJECT");
    }
    service::response res;
    add_cors_headers(res.headers, *rule, *origin, requested);
    return res;
}

} // namespace cloudbox::services::s3::ops
