// SigV4 credential parsing. Signatures are not checked: any credentials are accepted locally.
#include "protocol/sigv4.hpp"

#include <algorithm>
#include <charconv>

namespace cloudbox::protocol {

namespace {

// "AKID/20261121/us-east-1/s3/aws4_request"
bool split_scope(std::string_view scope, sigv4_credentials& out) {
    // Exactly five parts: "AKID/date/region/service/aws4_request/extra" is not a scope.
    if (std::count(scope.begin(), scope.end(), '/') != 4) {
        return false;
    }
    std::string_view parts[5];
    std::size_t n = 0;
    while (n < 5) {
        auto slash = scope.find('/');
        parts[n++] = scope.substr(0, slash);
        if (slash == std::string_view::npos) {
            break;
        }
        scope.remove_prefix(slash + 1);
    }
    if (n != 5 || parts[4] != "aws4_request") {
        return false;
    }
    out.access_key = parts[0];
    out.date = parts[1];
    out.region = parts[2];
    out.service = parts[3];
    return true;
}

} // namespace

std::optional<sigv4_credentials> parse_sigv4(const service::request& req) {
    sigv4_credentials creds;
    if (auto auth = req.headers.get("authorization")) {
        std::string_view a = *auth;
        if (!a.starts_with("AWS4-HMAC-SHA256")) {
            return std::nullopt;
        }
        auto pos = a.find("Credential=");
        if (pos == std::string_view::npos) {
            return std::nullopt;
        }
        auto scope = a.substr(pos + 11);
        scope = scope.substr(0, scope.find_first_of(", "));
        if (!split_scope(scope, creds)) {
            return std::nullopt;
        }
        return creds;
    }
    auto credential = req.query.get("X-Amz-Credential");
    if (!credential || !split_scope(*credential, creds)) {
        return std::nullopt;
    }
    creds.presigned = true;
    creds.amz_date = std::string(req.query.get("X-Amz-Date").value_or(""));
    auto expires = req.query.get("X-Amz-Expires").value_or("");
    std::from_chars(expires.data(), expires.data() + expires.size(), creds.expires_seconds);
    return creds;
}

std::string account_for_access_key(const std::string& access_key) {
    if (access_key.size() == 12 &&
        access_key.find_first_not_of("0123456789") == std::string::npos) {
        return access_key;
    }
    return "000000000000";
}

} // namespace cloudbox::protocol
