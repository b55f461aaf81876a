// CopyObject: PUT /bucket/key with x-amz-copy-source. The bytes are not copied: each blob of the
// source is cloned (a hard link; blobs are immutable) and small inline bodies are copied in the
// row, so a copy costs the same whatever the size. A multipart source keeps its parts layout
// (ETag "...-N", parts count, part sizes), as S3 keeps it.
#include "core/encoding.hpp"
#include "core/time_format.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_copy_source.hpp"
#include "s3/s3_encryption.hpp"
#include "s3/s3_object_digest.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_storage_class.hpp"
#include "s3/s3_text.hpp"
#include "s3/s3_validation.hpp"
#include "s3/s3_version_id.hpp"

namespace cloudbox::services::s3::ops {

namespace {

// x-amz-metadata-directive / x-amz-tagging-directive: COPY (the default) or REPLACE.
bool replace_directive(const service::request& req, std::string_view header, const char* message) {
    auto value = req.headers.get(header);
    if (!value || *value == "COPY") {
        return false;
    }
    if (*value == "REPLACE") {
        return true;
    }
    throw errors::invalid_argument(message, std::string(header), std::string(*value));
}

// x-amz-checksum-algorithm: the checksum the copy should carry instead of the source's.
std::optional<checksum_spec> requested_copy_checksum(const service::request& req) {
    auto name = req.headers.get("x-amz-checksum-algorithm");
    if (!name) {
        return std::nullopt;
    }
    if (auto spec = checksum_by_name(*name)) {
        return spec;
    }
    for (auto other : {"CRC64NVME", "MD5", "SHA512", "XXHASH64", "XXHASH3", "XXHASH128"}) {
        if (core::iequals(*name, other)) {
            throw errors::invalid_request("cloudbox does not support the " + std::string(other) +
                                          " checksum algorithm yet.");
        }
    }
    throw errors::invalid_request("Checksum algorithm provided is unsupported. Please try again "
                                  "with any of the valid types: [CRC32, CRC32C, CRC64NVME, MD5, "
                                  "SHA1, SHA256, SHA512, XXHASH128, XXHASH3, XXHASH64]");
}

// Clones the source's blobs for the copy; the clones are freed if anything fails.
std::vector<blob_segment> clone_segments(const s3_context& s3, const object_record& source) {
    std::vector<blob_segment> out;
    try {
        for (const auto& seg : source.segments) {
            out.push_back({s3.blobs.clone(seg.blob_id), seg.offset, seg.length});
        }
    } catch (...) {
        for (const auto& seg : out) {
            s3.blobs.remove(seg.blob_id);
        }
        throw;
    }
    return out;
}

} // namespace

service::response copy_object(s3_call& call) {
    const auto& req = call.req;
    check_key(call.key());
    require_bucket(call);
    copy_source src = parse_copy_source(req.headers.get("x-amz-copy-source").value_or(""));
    bool replace_metadata =
        replace_directive(req, "x-amz-metadata-directive", "Unknown metadata directive.");
    bool replace_tags =
        replace_directive(req, "x-amz-tagging-directive", "Unknown tagging directive.");
    std::string storage_class = storage_class_of(req);
    auto checksum = requested_copy_checksum(req);
    string_pairs new_tags;
    if (replace_tags) {
        if (auto tagging = req.headers.get("x-amz-tagging")) {
            new_tags = parse_tagging_header(*tagging);
        }
    }

    // The source may be replaced or deleted between reading its row and cloning its blobs;
    // then the row is read again.
    for (int attempt = 0;; ++attempt) {
        auto source = require_copy_source(call, src);
        if (src.version_id && !is_null_version(*src.version_id)) {
            throw errors::invalid_version_id(*src.version_id);
        }
        check_copy_source_conditions(req, source, call.s3.clock.now_millis());
        check_copy_size(source.size);
        bool in_place = src.bucket == call.bucket() && src.key == call.key();
        // A copy onto itself must change something S3 keeps apart from the bytes.
        if (in_place && !replace_metadata && !req.headers.has("x-amz-storage-class") &&
            !req.headers.has("x-amz-website-redirect-location") &&
            !req.headers.has("x-amz-server-side-encryption") &&
            !req.headers.has("x-amz-server-side-encryption-customer-algorithm")) {
            throw errors::invalid_request(
                "This copy request is illegal because it is trying to copy an object to itself "
                "without changing the object's metadata, storage class, website redirect "
                "location or encryption attributes.");
        }

        object_record o = source;
        o.bucket = call.bucket();
        o.key = call.key();
        o.last_modified_ms = call.s3.clock.now_millis();
        o.storage_class = storage_class; // not inherited: STANDARD unless the request names one
        if (replace_metadata) {
            o.headers = headers_from_request(req);
        }
        o.headers.website_redirect_location = website_redirect_location(req);
        set_encryption(o.headers, encryption_for_write(req, call.s3.encryption, call.bucket()));
        if (replace_tags) {
            o.tags = new_tags;
        }
        try {
            o.segments = clone_segments(call.s3, source);
        } catch (const std::exception&) {
            if (attempt < 2) {
                continue;
            }
            throw;
        }
        try {
            // The copy is a new single-part object: a multipart source's "-N" ETag and parts
            // become the content's MD5 (S3's answer), and a composite checksum a full-object one.
            if (source.parts_count > 0) {
                o.etag = core::to_hex(
                    digest_object_range(call.s3, o, 0, o.size, core::digest_kind::md5));
                o.parts_count = 0;
                o.part_sizes.clear();
                if (!checksum && o.checksum_type == "COMPOSITE" && o.checksum_algorithm) {
                    checksum = checksum_by_name(*o.checksum_algorithm);
                    o.checksum_type.reset();
                }
            }
            if (checksum && !(o.checksum_algorithm == checksum->algorithm &&
                              o.checksum_type == "FULL_OBJECT")) {
                // A new algorithm: computed over the whole object (a full-object checksum).
                std::string digest = digest_object_range(call.s3, o, 0, o.size, checksum->kind);
                o.checksum_algorithm = std::string(checksum->algorithm);
                o.checksum_value = core::base64_encode(digest);
                o.checksum_type = "FULL_OBJECT";
            }
            auto freed = call.s3.store.put_object(o);
            if (!freed) {
                throw errors::no_such_bucket(o.bucket);
            }
            call.s3.free_blobs(*freed);
        } catch (...) {
            call.s3.free_blobs(blobs_of(o));
            throw;
        }
        publish_object_event(call, "ObjectCreated:Copy", o.key, o.size, o.etag);

        protocol::xml_writer w;
        w.open("CopyObjectResult", s3_xmlns)
            .element("ETag", quote_etag(o.etag))
            .element("LastModified", listing_time(o.last_modified_ms));
        if (o.checksum_algorithm && o.checksum_value) {
            if (o.checksum_type) {
                w.element("ChecksumType", *o.checksum_type);
            }
            w.element("Checksum" + *o.checksum_algorithm, *o.checksum_value);
        }
        auto res = xml_response(std::move(w).str());
        add_encryption_headers(res, o.headers);
        return res;
    }
}

} // namespace cloudbox::services::s3::ops
