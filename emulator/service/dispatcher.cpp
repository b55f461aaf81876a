// One path for every request.
#include "service/dispatcher.hpp"

#include "core/encoding.hpp"
#include "core/ids.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "protocol/error_render.hpp"
#include "protocol/service_resolver.hpp"
#include "protocol/sigv4.hpp"
#include "service/pending.hpp"

#include <charconv>
#include <chrono>

namespace cloudbox::service {

namespace {

// AWS refuses presigned URLs valid for more than a week, and expired ones, with these errors.
void check_presigned(const protocol::sigv4_credentials& creds, const core::clock& clock) {
    if (!creds.presigned) {
        return;
    }
    if (creds.expires_seconds > 604800) {
        throw core::aws_error("AuthorizationQueryParametersError",
                              "X-Amz-Expires must be less than a week (in seconds) that is 604800",
                              400);
    }
    auto signed_at = core::parse_amz_date(creds.amz_date);
    if (!signed_at) {
        throw core::aws_error(
            "AuthorizationQueryParametersError",
            "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"", 400);
    }
    auto expires = *signed_at + std::chrono::seconds(creds.expires_seconds);
    auto now = clock.now();
    if (now > expires) {
        throw core::aws_error("AccessDenied", "Request has expired", 403)
            .with("X-Amz-Expires", std::to_string(creds.expires_seconds))
            .with("Expires", core::format_iso8601(expires))
            .with("ServerTime", core::format_iso8601(now));
    }
}

// A SigV2 presigned URL (AWSAccessKeyId, Signature, Expires: epoch seconds), which boto3 still
// generates for S3 by default, expires the same way.
void check_presigned_v2(const request& req, const core::clock& clock) {
    auto expires_text = req.query.get("Expires");
    if (!expires_text || !req.query.has("AWSAccessKeyId") || !req.query.has("Signature")) {
        return;
    }
    std::int64_t expires_epoch = 0;
    auto [ptr, ec] = std::from_chars(expires_text->data(),
                                     expires_text->data() + expires_text->size(), expires_epoch);
    if (ec != std::errc() || ptr != expires_text->data() + expires_text->size()) {
        return;
    }
    auto now = clock.now();
    auto expires = core::from_millis(expires_epoch * 1000);
    if (now > expires) {
        throw core::aws_error("AccessDenied", "Request has expired", 403)
            .with("Expires", core::format_iso8601(expires))
            .with("ServerTime", core::format_iso8601(now));
    }
}

// A presigned URL carries the headers it signed as query parameters (boto3 and the SDKs put
// x-amz-meta-*, x-amz-acl, x-amz-storage-class... there): S3 applies them as headers.
void hoist_presigned_headers(request& req) {
    for (const auto& [key, value] : req.query.entries()) {
        std::string name = core::to_lower(key);
        if (!name.starts_with("x-amz-") || name == "x-amz-algorithm" ||
            name == "x-amz-credential" || name == "x-amz-date" || name == "x-amz-expires" ||
            name == "x-amz-signedheaders" || name == "x-amz-signature" ||
            name == "x-amz-security-token" || req.headers.has(name)) {
            continue;
        }
        req.headers.add(name, value);
    }
}

} // namespace

aws_service* dispatcher::route(request& req) {
    if (req.ctx.request_id.empty()) {
        req.ctx.request_id = core::new_request_id();
    }
    req.ctx.clock = &clock_;
    req.ctx.region = config_.region;
    req.ctx.credentials = protocol::parse_sigv4(req);
    if (const auto& creds = req.ctx.credentials) {
        req.ctx.access_key = creds->access_key;
        req.ctx.account_id = protocol::account_for_access_key(creds->access_key);
        if (!creds->region.empty()) {
            req.ctx.region = creds->region;
        }
        req.ctx.signing_service = creds->service;
    }
    req.ctx.service = protocol::resolve_service(req);
    return services_.find(req.ctx.service);
}

body_plan dispatcher::prepare(aws_service& svc, request& req) {
    if (const auto& creds = req.ctx.credentials) {
        check_presigned(*creds, clock_);
        if (creds->presigned) {
            hoist_presigned_headers(req);
        }
    } else if (!req.headers.has("authorization")) {
        check_presigned_v2(req, clock_);
    }
    return svc.plan_body(req);
}

response dispatcher::invoke(aws_service& svc, request& req) {
    try {
        return svc.handle(req);
    } catch (const core::aws_error& e) {
        return svc.render_error(e, req);
    } catch (const std::exception& e) {
        core::log_error("internal error in " + req.ctx.service + " " + req.ctx.operation + ": " +
                        e.what());
        return svc.render_error(
            core::aws_error("InternalError", "We encountered an internal error. Please try again.",
                            500, false),
            req);
    }
}

response dispatcher::invoke_blocking(aws_service& svc, request& req) {
    response res = invoke(svc, req);
    if (res.pending) {
        auto pending = std::move(res.pending);
        return pending->wait();
    }
    return res;
}

response dispatcher::render_error(aws_service* svc, const core::aws_error& error,
                                  const request& req) const {
    if (svc != nullptr) {
        return svc->render_error(error, req);
    }
    return protocol::render_rest_xml_error(error, req.ctx.request_id, req.method == "HEAD");
}

response dispatcher::unknown_service(const request& req) const {
    core::aws_error e("NotImplemented",
                      "cloudbox does not implement the '" + req.ctx.service + "' service yet.", 501,
                      false);
    const std::string& svc = req.ctx.service;
    if (svc == "dynamodb" || svc == "dynamodbstreams") {
        e.code = "UnknownOperationException";
        e.http_status = 400;
        return protocol::render_json_error(e, req.ctx.request_id,
                                           "com.amazonaws.dynamodb.v20120810#",
                                           "application/x-amz-json-1.0");
    }
    if (req.headers.has("x-amz-target")) {
        return protocol::render_json_error(e, req.ctx.request_id, "", "application/x-amz-json-1.1");
    }
    if (svc == "lambda" || svc == "sesv2" || svc == "apigateway" || svc == "apigatewayv2") {
        return protocol::render_rest_json_error(e, req.ctx.request_id);
    }
    if (svc == "sqs" || svc == "ses" || svc == "sts" || svc == "query") {
        return protocol::render_query_error(e, req.ctx.request_id, "");
    }
    return protocol::render_rest_xml_error(e, req.ctx.request_id, req.method == "HEAD");
}

} // namespace cloudbox::service
