// ListObjectVersions: GET /bucket?versions. cloudbox buckets are never versioned, so every object
// is its one version "null" (IsLatest), as S3 reports objects of an unversioned bucket, and there
// are no delete markers.
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_listing.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"

#include <algorithm>

namespace cloudbox::services::s3::ops {

namespace {

constexpr const char* null_version = "null";

void write_version(protocol::xml_writer& w, const object_summary& o, bool url) {
    w.open("Version");
    w.element("Key", url ? s3_url_encode(o.key) : o.key);
    w.element("VersionId", null_version);
    w.element("IsLatest", "true");
    w.element("LastModified", core::format_iso8601_millis(core::from_millis(o.last_modified_ms)));
    w.element("ETag", quote_etag(o.etag));
    if (o.checksum_algorithm) {
        w.element("ChecksumAlgorithm", *o.checksum_algorithm);
        if (o.checksum_type) {
            w.element("ChecksumType", *o.checksum_type);
        }
    }
    w.element("Size", static_cast<long long>(o.size));
    w.element("StorageClass", o.storage_class);
    write_owner(w);
    w.close();
}

} // namespace

service::response list_object_versions(s3_call& call) {
    const auto& q = call.req.query;
    const bool url = parse_encoding_type(call.req);
    const int max_keys = parse_max_keys(call.req);
    const std::string key_marker(q.get("key-marker").value_or(""));
    const std::string version_marker(q.get("version-id-marker").value_or(""));
    if (!version_marker.empty()) {
        if (key_marker.empty()) {
            throw errors::version_marker_without_key_marker(version_marker);
        }
        // The only version an unversioned bucket has is "null".
        if (version_marker != null_version) {
            throw errors::invalid_version_id_marker(version_marker);
        }
    }
    require_bucket(call);

    list_request lr;
    lr.prefix = std::string(q.get("prefix").value_or(""));
    lr.delimiter = std::string(q.get("delimiter").value_or(""));
    // key-marker alone skips every version of that key; with version "null" too, the versions
    // after "null" of that key (there are none): either way the listing resumes after the key.
    lr.start_after = key_marker;
    lr.max_keys = std::min(max_keys, max_list_page);
    list_result result;
    if (lr.max_keys > 0) {
        result = call.s3.store.list_objects(call.bucket(), lr);
    }

    auto enc = [&](const std::string& s) { return url ? s3_url_encode(s) : s; };
    protocol::xml_writer w;
    w.open("ListVersionsResult", s3_xmlns);
    w.element("Name", call.bucket());
    w.element("Prefix", enc(lr.prefix));
    w.element("KeyMarker", enc(key_marker));
    w.element("VersionIdMarker", version_marker);
    if (result.truncated) {
        w.element("NextKeyMarker", enc(result.last_key));
        w.element("NextVersionIdMarker", null_version);
    }
    w.element("MaxKeys", max_keys);
    if (!lr.delimiter.empty()) {
        w.element("Delimiter", enc(lr.delimiter));
    }
    if (url) {
        w.element("EncodingType", "url");
    }
    w.element("IsTruncated", result.truncated ? "true" : "false");
    for (const auto& e : result.entries) {
        if (!e.is_prefix) {
            write_version(w, e.object, url);
        }
    }
    write_common_prefixes(w, result, url);
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
