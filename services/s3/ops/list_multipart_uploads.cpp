// ListMultipartUploads: GET /bucket?uploads, the uploads in progress in (key, initiation) order,
// with prefix, delimiter (CommonPrefixes), key-marker / upload-id-marker paging, max-uploads
// (default and maximum 1000) and encoding-type=url.
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_multipart.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_text.hpp"

#include <algorithm>
#include <cctype>

namespace cloudbox::services::s3::ops {

namespace {

// encoding-type=url as S3 applies it to keys: form encoding (space as '+'), '/' kept.
std::string url_encode_key(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '*' || c == '/') {
            out.push_back(c);
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(hex[u >> 4]);
            out.push_back(hex[u & 0xF]);
        }
    }
    return out;
}

struct listing_entry {
    std::optional<upload_record> upload; // or a common prefix
    std::string prefix;
};

} // namespace

service::response list_multipart_uploads(s3_call& call) {
    require_bucket(call);
    const auto& q = call.req.query;
    std::string prefix(q.get("prefix").value_or(""));
    std::string delimiter(q.get("delimiter").value_or(""));
    std::string key_marker(q.get("key-marker").value_or(""));
    // S3 ignores an upload-id-marker that comes without a key-marker.
    std::string upload_id_marker(key_marker.empty() ? "" : q.get("upload-id-marker").value_or(""));
    int max_uploads = std::min(list_argument(call.req, "max-uploads", 1000), 1000);
    auto encoding = q.get("encoding-type");
    if (encoding && *encoding != "url") {
        throw errors::invalid_encoding_type(std::string(*encoding));
    }
    auto enc = [&](const std::string& s) { return encoding ? url_encode_key(s) : s; };

    // Where the listing resumes: after the marker upload, or after every key of a common prefix
    // (keys are UTF-8, so no key continues a prefix with the byte 0xFF).
    std::string after_key = key_marker;
    std::string after_id = upload_id_marker;
    // A marker inside a common prefix (the prefix itself, or a key under it) resumes after the
    // whole group, which an earlier page already returned: S3 never lists it twice.
    if (!delimiter.empty() && key_marker.starts_with(prefix)) {
        auto pos = key_marker.find(delimiter, prefix.size());
        if (pos != std::string::npos) {
            after_key = key_marker.substr(0, pos + delimiter.size()) + '\xff';
            after_id.clear();
        }
    }
    std::vector<listing_entry> entries;
    bool truncated = false;
    while (max_uploads > 0 && !truncated) {
        int want = max_uploads - static_cast<int>(entries.size()) + 1; // one more: truncation
        auto batch = call.s3.store.list_uploads(call.bucket(), prefix, after_key, after_id, want);
        bool skipped = false;
        for (auto& u : batch) {
            if (static_cast<int>(entries.size()) == max_uploads) {
                truncated = true;
                break;
            }
            auto pos = delimiter.empty() ? std::string::npos : u.key.find(delimiter, prefix.size());
            if (pos != std::string::npos) {
                // Roll the key up into its common prefix and continue after all its keys.
                std::string common = u.key.substr(0, pos + delimiter.size());
                entries.push_back({std::nullopt, common});
                after_key = common + '\xff';
                after_id.clear();
                skipped = true;
                break;
            }
            after_key = u.key;
            after_id = u.upload_id;
            entries.push_back({std::move(u), {}});
        }
        if (!skipped && static_cast<int>(batch.size()) < want) {
            break;
        }
    }
    // S3 reports the last entry as the next markers, truncated or not; but a listing that ends,
    // untruncated, on a common prefix answers an empty NextKeyMarker.
    std::string next_key;
    std::string next_id;
    if (!entries.empty() && (truncated || entries.back().upload)) {
        const auto& last = entries.back();
        next_key = last.upload ? last.upload->key : last.prefix;
        next_id = last.upload ? last.upload->upload_id : "";
    }

    // Element order of S3's own example responses.
    protocol::xml_writer w;
    w.open("ListMultipartUploadsResult", s3_xmlns)
        .element("Bucket", call.bucket())
        .element("KeyMarker", enc(key_marker))
        .element("UploadIdMarker", upload_id_marker)
        .element("NextKeyMarker", enc(next_key))
        .element("NextUploadIdMarker", next_id);
    if (!delimiter.empty()) {
        w.element("Delimiter", enc(delimiter));
    }
    if (q.has("prefix")) { // S3 leaves Prefix out unless the request gave one
        w.element("Prefix", enc(prefix));
    }
    w.element("MaxUploads", max_uploads).element("IsTruncated", truncated ? "true" : "false");
    for (const auto& e : entries) {
        if (!e.upload) {
            continue;
        }
        const auto& u = *e.upload;
        w.open("Upload").element("Key", enc(u.key)).element("UploadId", u.upload_id);
        write_initiator_and_owner(w);
        w.element("StorageClass", u.storage_class)
            .element("Initiated", listing_time(u.initiated_ms));
        if (u.checksum_algorithm) {
            w.element("ChecksumAlgorithm", *u.checksum_algorithm);
            w.element("ChecksumType", u.checksum_type.value_or("COMPOSITE"));
        }
        w.close();
    }
    for (const auto& e : entries) {
        if (!e.upload) {
            w.open("CommonPrefixes").element("Prefix", enc(e.prefix)).close();
        }
    }
    if (encoding) {
        w.element("EncodingType", "url");
    }
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
