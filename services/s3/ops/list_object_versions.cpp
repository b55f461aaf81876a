// ListObjectVersions: GET /bucket?versions. cloudbox buckets are never versioned, so every object
// is its one version "null" (IsLatest), as S3 reports objects of an unversioned bucket, and there
// are no delete markers.
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_listing.hpp"

namespace cloudbox::services::s3::ops {

namespace {

constexpr const char* null_version = "null";

void write_version(protocol::xml_writer& w, const object_summary& o, bool url) {
    w.open("Version");
    w.element("Key", url ? s3_url_encode(o.key) : o.key);
    w.element("VersionId", null_version);
    w.element("IsLatest", "true");
    write_summary_fields(w, o);
    w.element("StorageClass", o.storage_class);
    write_owner(w);
    w.close();
}

} // namespace

service::response list_object_versions(s3_call& call) {
    const auto& q = call.req.query;
    const listing_params params = parse_listing_params(call.req);
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

    // key-marker alone skips every version of that key; with version "null" too, the versions
    // after "null" of that key (there are none): either way the listing resumes after the key.
    list_result result = list_page(call, params, key_marker);

    protocol::xml_writer w;
    open_listing(w, "ListVersionsResult", call.bucket(), params);
    w.element("KeyMarker", params.encode(key_marker));
    w.element("VersionIdMarker", version_marker);
    if (result.truncated) {
        w.element("NextKeyMarker", params.encode(result.last_key));
        w.element("NextVersionIdMarker", null_version);
    }
    write_listing_page(w, params, result,
                       [&](const object_summary& o) { write_version(w, o, params.url); });
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
