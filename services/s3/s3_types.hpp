// S3's data model as the store keeps it (no SQL, no XML).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cloudbox::services::s3 {

using string_pairs = std::vector<std::pair<std::string, std::string>>;

struct bucket_record {
    std::string name;
    std::string region;
    std::int64_t created_ms = 0;
};

// A byte range of a blob; multipart objects are a list of their parts' blobs (no copy).
struct blob_segment {
    std::string blob_id;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

// The headers S3 stores with an object and returns on GET/HEAD.
struct object_headers {
    std::string content_type = "binary/octet-stream";
    std::optional<std::string> cache_control;
    std::optional<std::string> content_disposition;
    std::optional<std::string> content_encoding;
    std::optional<std::string> content_language;
    std::optional<std::string> expires;
    string_pairs metadata; // x-amz-meta-* names without the prefix, lower-cased
    std::optional<std::string> website_redirect_location;
    std::optional<std::string> sse_algorithm;  // see s3_encryption.hpp
    std::optional<std::string> sse_kms_key_id; // aws:kms only
};

struct object_record {
    std::string bucket;
    std::string key;
    std::uint64_t size = 0;
    std::string etag; // without quotes: hex MD5, or hex-N for multipart
    std::int64_t last_modified_ms = 0;
    object_headers headers;
    std::optional<std::string> checksum_algorithm; // CRC32, CRC32C, SHA1, SHA256
    std::optional<std::string> checksum_value;     // base64 (multipart: "...-N")
    std::optional<std::string> checksum_type;      // FULL_OBJECT or COMPOSITE
    string_pairs tags;
    std::string storage_class = "STANDARD";
    std::optional<std::string> inline_data; // small bodies live in the row
    std::vector<blob_segment> segments;     // otherwise in blobs
    int parts_count = 0;                    // multipart objects
    std::vector<std::uint64_t> part_sizes;  // for GetObject?partNumber=
};

// The blobs an object owns.
inline std::vector<std::string> blobs_of(const object_record& o) {
    std::vector<std::string> ids;
    for (const auto& s : o.segments) {
        ids.push_back(s.blob_id);
    }
    return ids;
}

struct object_summary {
    std::string key;
    std::uint64_t size = 0;
    std::string etag;
    std::int64_t last_modified_ms = 0;
    std::string storage_class;
    std::optional<std::string> checksum_algorithm;
    std::optional<std::string> checksum_type;
};

struct list_request {
    std::string prefix;
    std::string delimiter;
    std::string start_after; // exclusive: keys (and common prefixes) strictly after this
    int max_keys = 1000;
};

struct list_result {
    // Entries in key order; a common prefix is reported once, in its place.
    struct entry {
        bool is_prefix = false;
        object_summary object; // when !is_prefix
        std::string prefix;    // when is_prefix
    };
    std::vector<entry> entries;
    bool truncated = false;
    std::string last_key; // key or prefix of the last entry returned (for markers/tokens)
};

struct upload_record {
    std::string upload_id;
    std::string bucket;
    std::string key;
    std::int64_t initiated_ms = 0;
    object_headers headers;
    string_pairs tags;
    std::string storage_class = "STANDARD";
    std::optional<std::string> checksum_algorithm;
    std::optional<std::string> checksum_type;
};

struct part_record {
    std::string upload_id;
    int part_number = 0;
    std::string etag; // without quotes
    std::uint64_t size = 0;
    std::int64_t last_modified_ms = 0;
    std::optional<std::string> checksum_value; // base64 of the upload's algorithm
    std::string blob_id;                       // parts always live in blobs
};

} // namespace cloudbox::services::s3
