// The source of CopyObject and UploadPartCopy.
#include "s3/s3_copy_source.hpp"

#include "core/encoding.hpp"
#include "protocol/query_string.hpp"
#include "s3/s3_conditions.hpp"
#include "s3/s3_validation.hpp"

namespace cloudbox::services::s3 {

namespace {

constexpr std::uint64_t max_copy_size = 5ULL * 1024 * 1024 * 1024; // 5 GiB

// The version named by the query of x-amz-copy-source, if any.
std::optional<std::string> version_of(std::string_view query) {
    auto params = protocol::parse_query(query);
    if (!params) {
        throw errors::invalid_copy_source("Invalid copy source encoding");
    }
    if (auto v = params->get("versionId")) {
        return std::string(*v);
    }
    return std::nullopt;
}

} // namespace

// One rule for both copy operations: the path is percent-decoded with '+' kept as a plus sign
// (the SDKs send a key's '+' as %2B, and a literal '+' is a plus in a path), it must be UTF-8,
// and the bucket a valid name.
copy_source parse_copy_source(std::string_view header) {
    copy_source out;
    std::string_view path = header;
    if (auto q = header.find('?'); q != std::string_view::npos) {
        path = header.substr(0, q);
        out.version_id = version_of(header.substr(q + 1));
    }
    if (path.starts_with('/')) {
        path.remove_prefix(1);
    }
    auto decoded = core::url_decode(path);
    if (!decoded || !core::is_valid_utf8(*decoded)) {
        throw errors::invalid_copy_source("Invalid copy source encoding");
    }
    auto slash = decoded->find('/');
    out.bucket = decoded->substr(0, slash);
    if (!valid_bucket_name(out.bucket)) {
        throw errors::invalid_copy_source("Invalid copy source bucket name");
    }
    if (slash == std::string::npos || slash + 1 == decoded->size()) {
        throw errors::invalid_copy_source("Invalid copy source object key");
    }
    out.key = decoded->substr(slash + 1);
    return out;
}

object_record require_copy_source(s3_call& call, const copy_source& source) {
    auto object = call.s3.store.get_object(source.bucket, source.key);
    if (!object) {
        if (!call.s3.store.get_bucket(source.bucket)) {
            throw errors::no_such_bucket(source.bucket);
        }
        throw errors::no_such_key(source.key);
    }
    return *object;
}

void check_copy_source_conditions(const service::request& req, const object_record& source,
                                  std::int64_t now_ms) {
    std::int64_t modified = source.last_modified_ms / 1000;
    if (auto if_match = req.headers.get("x-amz-copy-source-if-match")) {
        if (!etag_list_matches(*if_match, source.etag)) {
            throw errors::precondition_failed("x-amz-copy-source-If-Match");
        }
    } else if (auto since = header_date_seconds(req, "x-amz-copy-source-if-unmodified-since");
               since && modified > *since) {
        throw errors::precondition_failed("x-amz-copy-source-If-Unmodified-Since");
    }
    if (auto if_none = req.headers.get("x-amz-copy-source-if-none-match")) {
        if (etag_list_matches(*if_none, source.etag)) {
            throw errors::precondition_failed("x-amz-copy-source-If-None-Match");
        }
    } else if (auto since = header_date_seconds(req, "x-amz-copy-source-if-modified-since");
               since && *since <= now_ms / 1000 && modified <= *since) {
        throw errors::precondition_failed("x-amz-copy-source-If-Modified-Since");
    }
}

void check_copy_size(std::uint64_t size) {
    if (size > max_copy_size) {
        throw errors::invalid_request("The specified copy source is larger than the maximum "
                                      "allowable size for a copy source: " +
                                      std::to_string(max_copy_size));
    }
}

} // namespace cloudbox::services::s3
