// UploadPartCopy: PUT /bucket/key?partNumber=N&uploadId=X with x-amz-copy-source. The part is a
// new blob holding the source object's bytes (or the x-amz-copy-source-range of them), hashed as
// they are copied for the part's ETag and checksum.
#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_multipart.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"

#include <algorithm>
#include <charconv>

namespace cloudbox::services::s3::ops {

namespace {

constexpr std::uint64_t max_copy_source = 5ULL * 1024 * 1024 * 1024; // 5 GiB

struct copy_source {
    std::string bucket;
    std::string key;
    std::optional<std::string> version_id;
};

// "bucket/key" or "/bucket/key", URL-encoded, optionally followed by "?versionId=...". S3 decodes
// '+' as a space here (the SDKs encode a '+' of a key as %2B).
copy_source parse_copy_source(std::string_view header) {
    auto invalid = [&] {
        return errors::invalid_argument("Copy Source must mention the source bucket and key: "
                                        "sourcebucket/sourcekey",
                                        "x-amz-copy-source", std::string(header));
    };
    copy_source out;
    std::string_view path = header;
    if (auto q = path.find('?'); q != std::string_view::npos) {
        std::string_view query = path.substr(q + 1);
        path = path.substr(0, q);
        if (query.starts_with("versionId=")) {
            out.version_id = core::url_decode(query.substr(10)).value_or("");
        }
    }
    if (path.starts_with('/')) {
        path.remove_prefix(1);
    }
    auto decoded = core::url_decode(path, true);
    if (!decoded) {
        throw invalid();
    }
    auto slash = decoded->find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == decoded->size()) {
        throw invalid();
    }
    out.bucket = decoded->substr(0, slash);
    out.key = decoded->substr(slash + 1);
    return out;
}

bool parse_offset(std::string_view text, std::uint64_t& out) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && ec == std::errc() && ptr == text.data() + text.size();
}

// x-amz-copy-source-range: S3 takes only "bytes=first-last", inside the source.
std::pair<std::uint64_t, std::uint64_t> copy_range(const service::request& req,
                                                   std::uint64_t size) {
    auto header = req.headers.get("x-amz-copy-source-range");
    if (!header) {
        return {0, size};
    }
    std::string range(*header);
    std::string_view spec = *header;
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    auto dash = spec.find('-');
    if (!spec.starts_with("bytes=") || dash == std::string_view::npos ||
        !parse_offset(spec.substr(6, dash - 6), first) ||
        !parse_offset(spec.substr(dash + 1), last)) {
        throw errors::invalid_copy_source_range(range);
    }
    if (first > last || last >= size) {
        throw errors::copy_source_range_not_satisfiable(size, range);
    }
    return {first, last - first + 1};
}

// x-amz-copy-source-if-*: If-Match wins over If-Unmodified-Since and If-None-Match over
// If-Modified-Since, as S3 documents for copies; dates compare at second precision.
void check_copy_conditions(const service::request& req, const object_record& source) {
    auto etag_matches = [&](std::string_view list) {
        while (!list.empty()) {
            auto comma = list.find(',');
            std::string candidate = unquote_etag(list.substr(0, comma));
            if (candidate == "*" || candidate == source.etag) {
                return true;
            }
            list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        }
        return false;
    };
    auto date_of = [&](std::string_view name) -> std::optional<std::int64_t> {
        if (auto v = req.headers.get(name)) {
            if (auto t = core::parse_http_date(*v)) {
                return core::to_millis(*t) / 1000;
            }
        }
        return std::nullopt;
    };
    std::int64_t modified = source.last_modified_ms / 1000;
    if (auto v = req.headers.get("x-amz-copy-source-if-match")) {
        if (!etag_matches(*v)) {
            throw errors::precondition_failed("x-amz-copy-source-If-Match");
        }
    } else if (auto since = date_of("x-amz-copy-source-if-unmodified-since");
               since && modified > *since) {
        throw errors::precondition_failed("x-amz-copy-source-If-Unmodified-Since");
    }
    if (auto v = req.headers.get("x-amz-copy-source-if-none-match")) {
        if (etag_matches(*v)) {
            throw errors::precondition_failed("x-amz-copy-source-If-None-Match");
        }
    } else if (auto since = date_of("x-amz-copy-source-if-modified-since");
               since && modified <= *since) {
        throw errors::precondition_failed("x-amz-copy-source-If-Modified-Since");
    }
}

struct copied_part {
    std::string blob_id;
    std::string md5;                     // raw
    std::optional<std::string> checksum; // raw
};

// Copies [offset, offset + length) of the source into a new blob, hashing on the way.
copied_part copy_bytes(s3_call& call, const object_record& source, std::uint64_t offset,
                       std::uint64_t length, std::optional<core::digest_kind> checksum_kind) {
    core::hasher md5(core::digest_kind::md5);
    std::optional<core::hasher> checksum;
    if (checksum_kind) {
        checksum.emplace(*checksum_kind);
    }
    auto writer = call.s3.blobs.create();
    auto emit = [&](const char* data, std::size_t size) {
        md5.update(data, size);
        if (checksum) {
            checksum->update(data, size);
        }
        writer->write(data, size);
    };
    if (source.inline_data) {
        emit(source.inline_data->data() + offset, static_cast<std::size_t>(length));
    } else {
        std::string buffer(1 << 20, '\0');
        std::uint64_t position = 0; // of the current segment within the object
        for (const auto& seg : source.segments) {
            std::uint64_t seg_end = position + seg.length;
            std::uint64_t from = std::max(offset, position);
            std::uint64_t to = std::min(offset + length, seg_end);
            if (from < to) {
                auto file = call.s3.blobs.open(seg.blob_id);
                if (!file) {
                    throw std::runtime_error("object data missing for " + source.key);
                }
                std::uint64_t at = seg.offset + (from - position);
                std::uint64_t left = to - from;
                while (left > 0) {
                    auto want =
                        static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
                    long n = file->read_at(buffer.data(), want, at);
                    if (n <= 0) {
                        throw std::runtime_error("object data shorter than expected: " +
                                                 source.key);
                    }
                    emit(buffer.data(), static_cast<std::size_t>(n));
                    at += static_cast<std::uint64_t>(n);
                    left -= static_cast<std::uint64_t>(n);
                }
            }
            position = seg_end;
        }
    }
    copied_part out;
    out.md5 = md5.final_bytes();
    if (checksum) {
        out.checksum = checksum->final_bytes();
    }
    out.blob_id = writer->commit();
    return out;
}

} // namespace

service::response upload_part_copy(s3_call& call) {
    auto upload = require_upload(call);
    int part_number = part_number_of(call.req);
    const auto& req = call.req;
    std::string header(req.headers.get("x-amz-copy-source").value_or(""));
    auto source_name = parse_copy_source(header);

    auto source = call.s3.store.get_object(source_name.bucket, source_name.key);
    if (!source) {
        if (!call.s3.store.get_bucket(source_name.bucket)) {
            throw errors::no_such_bucket(source_name.bucket);
        }
        throw errors::no_such_key(source_name.key);
    }
    // cloudbox keeps one version of each object: the "null" version.
    if (source_name.version_id && *source_name.version_id != "null") {
        throw errors::no_such_version(source_name.key, *source_name.version_id);
    }
    auto [offset, length] = copy_range(req, source->size);
    check_copy_conditions(req, *source);
    if (length > max_copy_source) {
        throw errors::invalid_request("The specified copy source is larger than the maximum "
                                      "allowable size for a copy source: " +
                                      std::to_string(max_copy_source));
    }

    std::optional<checksum_spec> spec;
    if (upload.checksum_algorithm) {
        spec = checksum_by_name(*upload.checksum_algorithm);
    }
    auto copied =
        copy_bytes(call, *source, offset, length, spec ? std::optional(spec->kind) : std::nullopt);

    part_record part;
    part.upload_id = upload.upload_id;
    part.part_number = part_number;
    part.etag = core::to_hex(copied.md5);
    part.size = length;
    part.last_modified_ms = call.s3.clock.now_millis();
    if (copied.checksum) {
        part.checksum_value = core::base64_encode(*copied.checksum);
    }
    part.blob_id = copied.blob_id;
    try {
        call.s3.free_blobs(call.s3.store.put_part(part));
    } catch (...) {
        call.s3.free_blobs({part.blob_id});
        throw;
    }

    protocol::xml_writer w;
    w.open("CopyPartResult", s3_xmlns)
        .element("ETag", quote_etag(part.etag))
        .element("LastModified",
                 core::format_iso8601_millis(core::from_millis(part.last_modified_ms)));
    if (spec && part.checksum_value) {
        w.element("Checksum" + std::string(spec->algorithm), *part.checksum_value);
    }
    w.close();
    return xml_response(std::move(w).str());
}

} // namespace cloudbox::services::s3::ops
