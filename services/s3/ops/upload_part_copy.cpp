// UploadPartCopy: PUT /bucket/key?partNumber=N&uploadId=X with x-amz-copy-source. The part is a
// new blob holding the source object's bytes (or the x-amz-copy-source-range of them), hashed as
// they are copied for the part's ETag and checksum.
#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_byte_range.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_copy_source.hpp"
#include "s3/s3_encryption.hpp"
#include "s3/s3_multipart.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_text.hpp"
#include "s3/s3_version_id.hpp"

#include <algorithm>

namespace cloudbox::services::s3::ops {

namespace {

// x-amz-copy-source-range: S3 takes only "bytes=first-last", inside the source.
std::pair<std::uint64_t, std::uint64_t> copy_range(const service::request& req,
                                                   std::uint64_t size) {
    auto header = req.headers.get("x-amz-copy-source-range");
    if (!header) {
        return {0, size};
    }
    std::string range(*header);
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    auto ends = split_byte_range(*header);
    if (!ends || !parse_uint(ends->first, first) || !parse_uint(ends->second, last)) {
        throw errors::invalid_copy_source_range(range);
    }
    if (first > last || last >= size) {
        throw errors::copy_source_range_not_satisfiable(size, range);
    }
    return {first, last - first + 1};
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
    auto source_name = parse_copy_source(req.headers.get("x-amz-copy-source").value_or(""));
    auto source = require_copy_source(call, source_name);
    // cloudbox keeps one version of each object: the "null" version.
    if (source_name.version_id && !is_null_version(*source_name.version_id)) {
        throw errors::invalid_version_id(*source_name.version_id);
    }
    auto [offset, length] = copy_range(req, source.size);
    check_copy_source_conditions(req, source, call.s3.clock.now_millis());
    check_copy_size(length);

    std::optional<checksum_spec> spec;
    if (upload.checksum_algorithm) {
        spec = checksum_by_name(*upload.checksum_algorithm);
    }
    auto copied =
        copy_bytes(call, source, offset, length, spec ? std::optional(spec->kind) : std::nullopt);

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
        .element("LastModified", listing_time(part.last_modified_ms));
    if (spec && part.checksum_value) {
        w.element("Checksum" + std::string(spec->algorithm), *part.checksum_value);
    }
    w.close();
    auto res = xml_response(std::move(w).str());
    add_encryption_headers(res, upload.headers);
    return res;
}

} // namespace cloudbox::services::s3::ops
