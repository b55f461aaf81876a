// CompleteMultipartUpload: POST /bucket/key?uploadId=X with the list of parts. The object is the
// list of the parts' blobs (no byte is copied), so completing is fast and S3's early 200 with
// whitespace keep-alive is not needed.
#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_encryption.hpp"
#include "s3/s3_multipart.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_validation.hpp"

#include <charconv>
#include <map>

namespace cloudbox::services::s3::ops {

namespace {

struct requested_part {
    int number = 0;
    std::string etag;                                           // without quotes
    std::vector<std::pair<std::string, std::string>> checksums; // "CRC32" -> base64
};

// <CompleteMultipartUpload><Part><PartNumber/><ETag/>[<ChecksumCRC32/>...]</Part>...
std::vector<requested_part> parse_parts(std::string_view body) {
    auto doc = parse_body_xml(body);
    if (doc.name != "CompleteMultipartUpload") {
        throw errors::malformed_xml();
    }
    std::vector<requested_part> parts;
    for (const auto* node : doc.children_named("Part")) {
        auto number = node->child_text("PartNumber");
        auto etag = node->child_text("ETag");
        if (!number || !etag) {
            throw errors::malformed_xml();
        }
        requested_part part;
        long long n = 0;
        auto [ptr, ec] = std::from_chars(number->data(), number->data() + number->size(), n);
        if (number->empty() || ec != std::errc() || ptr != number->data() + number->size()) {
            throw errors::malformed_xml();
        }
        if (n < 1) {
            throw errors::invalid_argument("PartNumber must be >= 1", "PartNumber", *number);
        }
        part.number = n > max_part_number ? max_part_number + 1 : static_cast<int>(n);
        part.etag = unquote_etag(*etag);
        for (const auto& child : node->children) {
            if (child.name.starts_with("Checksum")) {
                part.checksums.emplace_back(child.name.substr(8), child.text);
            }
        }
        parts.push_back(std::move(part));
    }
    if (parts.empty()) {
        throw errors::malformed_xml();
    }
    return parts;
}

std::optional<std::string> checksum_of(const requested_part& part, std::string_view algorithm) {
    for (const auto& [name, value] : part.checksums) {
        if (name == algorithm) {
            return value;
        }
    }
    return std::nullopt;
}

std::string hex_to_bytes(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        unsigned value = 0;
        std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
        out.push_back(static_cast<char>(value));
    }
    return out;
}

// CRC of A+B from CRC(A), CRC(B) and len(B), for a reflected CRC-32 polynomial (zlib's
// crc32_combine): the full-object CRC of a multipart object without reading its bytes again.
std::uint32_t gf2_times(const std::uint32_t* matrix, std::uint32_t vector) {
    std::uint32_t sum = 0;
    for (; vector != 0; vector >>= 1, ++matrix) {
        if ((vector & 1U) != 0) {
            sum ^= *matrix;
        }
    }
    return sum;
}

void gf2_square(std::uint32_t* square, const std::uint32_t* matrix) {
    for (int n = 0; n < 32; ++n) {
        square[n] = gf2_times(matrix, matrix[n]);
    }
}

std::uint32_t crc_combine(std::uint32_t poly, std::uint32_t crc1, std::uint32_t crc2,
                          std::uint64_t len2) {
    if (len2 == 0) {
        return crc1;
    }
    std::uint32_t even[32];
    std::uint32_t odd[32];
    odd[0] = poly; // the operator for one zero bit
    std::uint32_t row = 1;
    for (int n = 1; n < 32; ++n) {
        odd[n] = row;
        row <<= 1;
    }
    gf2_square(even, odd); // two zero bits
    gf2_square(odd, even); // four zero bits
    do {                   // apply len2 zero bytes to crc1
        gf2_square(even, odd);
        if ((len2 & 1U) != 0) {
            crc1 = gf2_times(even, crc1);
        }
        len2 >>= 1;
        if (len2 == 0) {
            break;
        }
        gf2_square(odd, even);
        if ((len2 & 1U) != 0) {
            crc1 = gf2_times(odd, crc1);
        }
        len2 >>= 1;
    } while (len2 != 0);
    return crc1 ^ crc2;
}

std::uint32_t crc_from_base64(const std::string& value) {
    auto raw = core::base64_decode(value).value_or("");
    std::uint32_t crc = 0;
    for (std::size_t i = 0; i < 4 && i < raw.size(); ++i) {
        crc = (crc << 8) | static_cast<unsigned char>(raw[i]);
    }
    return crc;
}

std::string crc_to_base64(std::uint32_t crc) {
    std::string raw(4, '\0');
    for (int i = 3; i >= 0; --i) {
        raw[static_cast<std::size_t>(i)] = static_cast<char>(crc & 0xFFU);
        crc >>= 8;
    }
    return core::base64_encode(raw);
}

// The object's checksum from the parts' checksums. COMPOSITE: the checksum of the concatenated
// raw part checksums, then "-N". FULL_OBJECT (CRCs only): the CRCs combined.
std::string object_checksum(const checksum_spec& spec, const std::string& type,
                            const std::vector<part_record>& parts) {
    if (type == "FULL_OBJECT") {
        std::uint32_t poly = spec.kind == core::digest_kind::crc32c ? 0x82F63B78U : 0xEDB88320U;
        std::uint32_t crc = 0;
        for (const auto& p : parts) {
            crc = crc_combine(poly, crc, crc_from_base64(p.checksum_value.value_or("")), p.size);
        }
        return crc_to_base64(crc);
    }
    core::hasher hasher(spec.kind);
    for (const auto& p : parts) {
        hasher.update(core::base64_decode(p.checksum_value.value_or("")).value_or(""));
    }
    return core::base64_encode(hasher.final_bytes()) + "-" + std::to_string(parts.size());
}

// The CompleteMultipartUploadResult of an object, for the first completion and its replays.
service::response completion_result(const s3_call& call, const object_record& o) {
    // S3 percent-encodes the key in Location, '/' included.
    std::string location = "http://" + call.req.host + "/";
    if (!call.target.virtual_host) {
        location += core::url_encode(o.bucket) + "/";
    }
    location += core::url_encode(o.key);
    protocol::xml_writer w;
    w.open("CompleteMultipartUploadResult", s3_xmlns)
        .element("Location", location)
        .element("Bucket", o.bucket)
        .element("Key", o.key)
        .element("ETag", quote_etag(o.etag));
    if (o.checksum_value) {
        w.element("Checksum" + *o.checksum_algorithm, *o.checksum_value);
        w.element("ChecksumType", *o.checksum_type);
    }
    w.close();
    auto res = xml_response(std::move(w).str());
    add_encryption_headers(res, o.headers);
    return res;
}

} // namespace

service::response complete_multipart_upload(s3_call& call) {
    // A retried completion (the client lost the first answer) gets the first result again, as
    // long as the object it made is still the key's current object.
    require_bucket(call);
    std::string upload_id(call.req.query.get("uploadId").value_or(""));
    if (!call.s3.store.get_upload(upload_id)) {
        auto done = call.s3.store.completed_upload_object(upload_id);
        if (done && done->bucket == call.bucket() && done->key == call.key()) {
            return completion_result(call, *done);
        }
    }
    auto upload = require_upload(call);
    const auto& req = call.req;
    std::optional<checksum_spec> spec;
    if (upload.checksum_algorithm) {
        spec = checksum_by_name(*upload.checksum_algorithm);
    }
    std::string type = upload.checksum_type.value_or("COMPOSITE");
    std::string algorithm_lower = spec ? core::to_lower(spec->algorithm) : std::string();

    // An object checksum in the request must be of the upload's algorithm and mode.
    std::optional<std::string> expected_checksum;
    if (spec) {
        if (auto mode = req.headers.get("x-amz-checksum-type"); mode && *mode != type) {
            throw errors::checksum_mode_mismatch(type);
        }
        for (auto name : {"CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"}) {
            auto header = "x-amz-checksum-" + core::to_lower(name);
            if (auto value = req.headers.get(header)) {
                if (name != spec->algorithm) {
                    throw errors::checksum_type_mismatch(algorithm_lower, core::to_lower(name));
                }
                expected_checksum = std::string(*value);
            }
        }
    }

    auto requested = parse_parts(req.body);
    // Ascending part numbers; with a checksum algorithm they must also be 1, 2, 3, ...
    for (std::size_t i = 0; i < requested.size(); ++i) {
        bool ascending = i == 0 || requested[i].number > requested[i - 1].number;
        bool consecutive = requested[i].number == static_cast<int>(i) + 1;
        if (!ascending || (spec && !consecutive)) {
            throw errors::invalid_part_order().with("UploadId", upload.upload_id);
        }
    }

    std::map<int, part_record> stored;
    for (auto& p : call.s3.store.list_parts(upload.upload_id, 0, max_part_number)) {
        stored.emplace(p.part_number, std::move(p));
    }
    std::vector<part_record> used;
    for (std::size_t i = 0; i < requested.size(); ++i) {
        const auto& want = requested[i];
        auto it = stored.find(want.number);
        bool unexpected_checksum = !spec && !want.checksums.empty();
        if (it == stored.end() || it->second.etag != want.etag || unexpected_checksum) {
            throw errors::invalid_part()
                .with("UploadId", upload.upload_id)
                .with("PartNumber", std::to_string(want.number))
                .with("ETag", want.etag);
        }
        const part_record& part = it->second;
        if (spec) {
            auto given = checksum_of(want, spec->algorithm);
            if (!given && type == "COMPOSITE") {
                // A checksum of another algorithm is checked against what S3 received.
                if (!want.checksums.empty()) {
                    throw core::aws_error("BadDigest",
                                          "The " + core::to_lower(want.checksums.front().first) +
                                              " you specified for part " +
                                              std::to_string(want.number) +
                                              " did not match what we received.",
                                          400);
                }
                throw errors::missing_part_checksum(algorithm_lower, want.number);
            }
            if (given && *given != part.checksum_value) {
                throw errors::invalid_part()
                    .with("UploadId", upload.upload_id)
                    .with("PartNumber", std::to_string(want.number))
                    .with("ETag", want.etag);
            }
        }
        if (i + 1 < requested.size() && part.size < min_part_size) {
            throw errors::part_too_small(part.size, min_part_size, want.number, want.etag);
        }
        used.push_back(part);
    }

    object_record o;
    o.bucket = upload.bucket;
    o.key = upload.key;
    // S3 dates a multipart object by the start of its upload.
    o.last_modified_ms = upload.initiated_ms;
    o.headers = upload.headers;
    o.tags = upload.tags;
    o.storage_class = upload.storage_class;
    std::string md5s;
    std::vector<std::string> used_blobs;
    for (const auto& p : used) {
        md5s += hex_to_bytes(p.etag);
        o.segments.push_back({p.blob_id, 0, p.size});
        o.part_sizes.push_back(p.size);
        o.size += p.size;
        used_blobs.push_back(p.blob_id);
    }
    o.parts_count = static_cast<int>(used.size());
    o.etag = core::to_hex(core::digest(core::digest_kind::md5, md5s)) + "-" +
             std::to_string(used.size());

    if (auto declared = req.headers.get("x-amz-mp-object-size")) {
        long long size = 0;
        auto [ptr, ec] =
            std::from_chars(declared->data(), declared->data() + declared->size(), size);
        if (declared->empty() || ec != std::errc() || ptr != declared->data() + declared->size()) {
            throw errors::invalid_request("Value for x-amz-mp-object-size header is invalid.");
        }
        if (size < 0) {
            throw errors::invalid_request(
                "Value for x-amz-mp-object-size header is less than zero: '" +
                std::string(*declared) + "'");
        }
        if (static_cast<std::uint64_t>(size) != o.size) {
            throw errors::invalid_request(
                "The provided 'x-amz-mp-object-size' header value " + std::string(*declared) +
                " does not match what was computed: " + std::to_string(o.size));
        }
    }
    if (spec) {
        o.checksum_algorithm = std::string(spec->algorithm);
        o.checksum_type = type;
        o.checksum_value = object_checksum(*spec, type, used);
        if (expected_checksum && *expected_checksum != *o.checksum_value) {
            throw errors::checksum_mismatch(std::string(spec->algorithm));
        }
    }
    check_write_conditions(call);
    call.s3.free_blobs(call.s3.store.complete_upload(upload.upload_id, o, used_blobs));
    publish_object_event(call, "ObjectCreated:CompleteMultipartUpload", o.key, o.size, o.etag);

    return completion_result(call, o);
}

} // namespace cloudbox::services::s3::ops
