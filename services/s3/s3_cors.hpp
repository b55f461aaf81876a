// S3 bucket CORS: the configuration document (parse, validate, store, render) and the rule
// matching that answers preflight requests and decorates cross-origin responses.
#pragma once

#include "service/headers.hpp"
#include "service/request.hpp"
#include "service/response.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::s3 {

class s3_store;

struct cors_rule {
    std::optional<std::string> id;
    std::vector<std::string> allowed_headers;
    std::vector<std::string> allowed_methods;
    std::vector<std::string> allowed_origins;
    std::vector<std::string> expose_headers;
    std::optional<long long> max_age_seconds;
};

struct cors_configuration {
    std::vector<cors_rule> rules;
};

// A <CORSConfiguration> body, validated as S3 does: MalformedXML when it is not XML, has no rule,
// more than 100 rules, or a rule without AllowedMethod/AllowedOrigin; InvalidRequest for a
// method other than GET/PUT/HEAD/POST/DELETE, an origin or header with more than one '*', or an
// ExposeHeader with a wildcard.
cors_configuration parse_cors_xml(std::string_view body);
// The GetBucketCors body.
std::string cors_to_xml(const cors_configuration& config);
// Storage form (bucket config "cors").
std::string cors_to_json(const cors_configuration& config);
cors_configuration cors_from_json(std::string_view text);

// The first rule that allows `origin` to use `method` with every header of the comma-separated
// `request_headers` (Access-Control-Request-Headers; empty when none), as S3 evaluates rules: in
// order, the first match wins. Origins and headers may hold one '*' wildcard; header names are
// compared case-insensitively.
const cors_rule* match_cors_rule(const cors_configuration& config, std::string_view origin,
                                 std::string_view method, std::string_view request_headers);

// The Access-Control-* headers S3 sends for a matched rule (preflight answers and cross-origin
// responses alike): Allow-Origin (the origin, or '*' when the rule allows every origin),
// Allow-Credentials (not with '*'), Vary, Allow-Methods, Allow-Headers (the requested ones,
// lower-cased), Expose-Headers, Max-Age.
void add_cors_headers(service::header_map& headers, const cors_rule& rule, std::string_view origin,
                      std::string_view request_headers);

// For a request with an Origin header to `bucket` (not a preflight): adds the headers of the
// bucket's first matching CORS rule to `res`, as S3 does on cross-origin responses. The method
// matched is Access-Control-Request-Method when present, else the request's.
void add_bucket_cors_headers(s3_store& store, const std::string& bucket,
                             const service::request& req, service::response& res);

} // namespace cloudbox::services::s3
