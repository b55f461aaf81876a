// The object headers S3 stores from a PUT and returns on GET/HEAD.
#include "s3/s3_object_headers.hpp"

#include "core/aws_error.hpp"
#include "core/encoding.hpp"
#include "core/time_format.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_encryption.hpp"

namespace cloudbox::services::s3 {

namespace {

// aws-chunked is transfer framing, not a stored encoding: "aws-chunked,gzip" stores "gzip".
std::optional<std::string> stored_content_encoding(std::string_view value) {
    std::string out;
    while (!value.empty()) {
        auto comma = value.find(',');
        std::string_view item = value.substr(0, comma);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (!item.empty() && !core::iequals(item, "aws-chunked")) {
            if (!out.empty()) {
                out += ",";
            }
            out.append(item);
        }
        value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
    }
    if (out.empty()) {
        return std::nullopt;
    }
    return out;
}

} // namespace

object_headers headers_from_request(const service::request& req) {
    object_headers h;
    auto opt = [&](std::string_view name) -> std::optional<std::string> {
        if (auto v = req.headers.get(name)) {
            return std::string(*v);
        }
        return std::nullopt;
    };
    if (auto ct = req.headers.get("content-type"); ct && !ct->empty()) {
        h.content_type = std::string(*ct);
    }
    h.cache_control = opt("cache-control");
    h.content_disposition = opt("content-disposition");
    if (auto ce = req.headers.get("content-encoding")) {
        h.content_encoding = stored_content_encoding(*ce);
    }
    h.content_language = opt("content-language");
    h.expires = opt("expires");
    h.website_redirect_location = website_redirect_location(req);
    for (const auto& [name, value] : req.headers.entries()) {
        if (name.starts_with("x-amz-meta-")) {
            h.metadata.emplace_back(name.substr(11), value);
        }
    }
    return h;
}

std::optional<std::string> website_redirect_location(const service::request& req) {
    auto value = req.headers.get("x-amz-website-redirect-location");
    if (!value) {
        return std::nullopt;
    }
    if (!value->starts_with("/") && !value->starts_with("http://") &&
        !value->starts_with("https://")) {
        throw core::aws_error("InvalidRedirectLocation",
                              "The website redirect location must have a prefix of 'http://' or "
                              "'https://' or '/'.",
                              400);
    }
    return std::string(*value);
}

std::string quote_etag(const std::string& etag) {
    return "\"" + etag + "\"";
}

std::string unquote_etag(std::string_view etag) {
    while (!etag.empty() && (etag.front() == ' ' || etag.front() == '"')) {
        etag.remove_prefix(1);
    }
    while (!etag.empty() && (etag.back() == ' ' || etag.back() == '"')) {
        etag.remove_suffix(1);
    }
    return std::string(etag);
}

void add_object_headers(service::response& res, const object_record& o, bool include_checksum) {
    auto& h = res.headers;
    h.set("etag", quote_etag(o.etag));
    h.set("last-modified", core::format_http_date(core::from_millis(o.last_modified_ms)));
    h.set("content-type", o.headers.content_type);
    h.set("accept-ranges", "bytes");
    if (o.headers.cache_control) {
        h.set("cache-control", *o.headers.cache_control);
    }
    if (o.headers.content_disposition) {
        h.set("content-disposition", *o.headers.content_disposition);
    }
    if (o.headers.content_encoding) {
        h.set("content-encoding", *o.headers.content_encoding);
    }
    if (o.headers.content_language) {
        h.set("content-language", *o.headers.content_language);
    }
    if (o.headers.expires) {
        h.set("expires", *o.headers.expires);
    }
    for (const auto& [name, value] : o.headers.metadata) {
        h.add("x-amz-meta-" + name, value);
    }
    add_encryption_headers(res, o.headers);
    if (o.headers.website_redirect_location) {
        h.set("x-amz-website-redirect-location", *o.headers.website_redirect_location);
    }
    if (o.storage_class != "STANDARD") {
        h.set("x-amz-storage-class", o.storage_class);
    }
    if (!o.tags.empty()) {
        h.set("x-amz-tagging-count", std::to_string(o.tags.size()));
    }
    if (include_checksum && o.checksum_algorithm && o.checksum_value) {
        if (auto spec = checksum_by_name(*o.checksum_algorithm)) {
            h.set(std::string(spec->header), *o.checksum_value);
            if (o.checksum_type) {
                h.set("x-amz-checksum-type", *o.checksum_type);
            }
        }
    }
}

} // namespace cloudbox::services::s3
