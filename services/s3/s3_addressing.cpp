// S3 addressing: virtual-host style first, then path style.
#include "s3/s3_addressing.hpp"

#include "core/aws_error.hpp"
#include "core/encoding.hpp"

namespace cloudbox::services::s3 {

namespace {

bool is_ip_literal(std::string_view host) {
    if (!host.empty() && host.front() == '[') {
        return true; // IPv6
    }
    return host.find_first_not_of("0123456789.") == std::string_view::npos;
}

} // namespace

std::string bucket_from_host(std::string_view host) {
    if (host.starts_with('[')) {
        return {};
    }
    host =
        host.substr(0, host.rfind(':') == std::string_view::npos ? host.size() : host.rfind(':'));
    if (host.empty() || is_ip_literal(host)) {
        return {};
    }
    std::string lower = core::to_lower(host);
    std::string_view h(lower);
    // bucket.s3.<anything>, bucket.s3-<region>.amazonaws.com
    for (std::string_view marker : {".s3.", ".s3-"}) {
        auto pos = h.find(marker);
        if (pos != std::string_view::npos && pos > 0) {
            return std::string(host.substr(0, pos));
        }
    }
    // bucket.localhost (but not s3.localhost or localhost itself)
    constexpr std::string_view local = ".localhost";
    if (h.ends_with(local) && h.size() > local.size()) {
        std::string_view bucket = host.substr(0, host.size() - local.size());
        if (core::to_lower(bucket) != "s3") {
            return std::string(bucket);
        }
    }
    return {};
}

s3_target resolve_target(const service::request& req) {
    s3_target t;
    auto bad_path = [] {
        return core::aws_error("InvalidURI", "Couldn't parse the specified URI.", 400);
    };
    std::string_view path = req.raw_path;
    if (path.empty() || path.front() != '/') {
        throw bad_path();
    }
    path.remove_prefix(1);
    t.bucket = bucket_from_host(req.host);
    if (!t.bucket.empty()) {
        t.virtual_host = true;
        auto key = core::url_decode(path);
        if (!key) {
            throw bad_path();
        }
        t.key = std::move(*key);
        return t;
    }
    auto slash = path.find('/');
    auto bucket = core::url_decode(path.substr(0, slash));
    if (!bucket) {
        throw bad_path();
    }
    t.bucket = std::move(*bucket);
    if (slash != std::string_view::npos) {
        auto key = core::url_decode(path.substr(slash + 1));
        if (!key) {
            throw bad_path();
        }
        t.key = std::move(*key);
    }
    return t;
}

} // namespace cloudbox::services::s3
