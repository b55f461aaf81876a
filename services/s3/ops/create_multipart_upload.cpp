// CreateMultipartUpload: POST /bucket/key?uploads. Records the object's future headers, tags,
// storage class and checksum choice, and hands out an upload id.
#include "core/encoding.hpp"
#include "core/ids.hpp"
#include "protocol/xml.hpp"
#include "s3/ops/ops.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_encryption.hpp"
#include "s3/s3_object_headers.hpp"
#include "s3/s3_owner.hpp"
#include "s3/s3_storage_class.hpp"
#include "s3/s3_validation.hpp"

#include <atomic>

namespace cloudbox::services::s3::ops {

namespace {

// Base 62 in ASCII order, so that fixed-width numbers compare like the strings that spell them.
constexpr std::string_view sorted_digits =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

void append_fixed(std::string& out, std::uint64_t value, int width) {
    std::string digits(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0; --i) {
        digits[static_cast<std::size_t>(i)] = sorted_digits[value % sorted_digits.size()];
        value /= sorted_digits.size();
    }
    out += digits;
}

// S3's upload ids are long opaque strings of letters and digits. Ours start with the initiation
// time and a sequence number, so that upload ids sort like (initiated, id): ListMultipartUploads
// orders the uploads of a key by initiation and continues after an upload-id-marker with a plain
// comparison of ids. The rest is random.
std::string new_upload_id(std::int64_t initiated_ms) {
    static std::atomic<std::uint64_t> sequence{0};
    std::string id;
    append_fixed(id, static_cast<std::uint64_t>(initiated_ms), 8); // 62^8 ms: year 8900
    append_fixed(id, sequence.fetch_add(1) % 238328, 3);           // 62^3 uploads per ms
    std::string random = core::random_hex(40);
    for (std::size_t i = 0; i + 1 < random.size(); i += 2) {
        auto byte = std::stoul(random.substr(i, 2), nullptr, 16);
        id += sorted_digits[byte % sorted_digits.size()];
    }
    return id; // 51 characters
}

// x-amz-checksum-algorithm and x-amz-checksum-type, checked as S3 checks them.
void checksum_choice(const service::request& req, upload_record& upload) {
    auto algorithm = req.headers.get("x-amz-checksum-algorithm");
    auto type = req.headers.get("x-amz-checksum-type");
    if (!algorithm) {
        if (type) {
            throw errors::invalid_request("The x-amz-checksum-type header can only be used with "
                                          "the x-amz-checksum-algorithm header.");
        }
        return;
    }
    auto spec = checksum_by_name(*algorithm);
    if (!spec) {
        if (core::iequals(*algorithm, "CRC64NVME")) {
            throw errors::invalid_request("cloudbox does not support the CRC64NVME checksum "
                                          "algorithm yet.");
        }
        throw errors::invalid_request("Checksum algorithm provided is unsupported. Please try "
                                      "again with any of the valid types: [CRC32, CRC32C, "
                                      "CRC64NVME, SHA1, SHA256]");
    }
    std::string chosen = type ? std::string(*type) : "COMPOSITE";
    if (chosen != "COMPOSITE" && chosen != "FULL_OBJECT") {
        throw errors::invalid_request("Value for x-amz-checksum-type header is invalid.");
    }
    // A full-object checksum of a multipart object is combined from the parts' checksums, which
    // only the CRCs allow.
    if (chosen == "FULL_OBJECT" && spec->kind != core::digest_kind::crc32 &&
        spec->kind != core::digest_kind::crc32c) {
        throw errors::invalid_request("The FULL_OBJECT checksum type cannot be used with the " +
                                      core::to_lower(spec->algorithm) + " checksum algorithm.");
    }
    upload.checksum_algorithm = std::string(spec->algorithm);
    upload.checksum_type = chosen;
}

} // namespace

service::response create_multipart_upload(s3_call& call) {
    require_bucket(call);
    check_key(call.key());
    const auto& req = call.req;

    upload_record upload;
    upload.bucket = call.bucket();
    upload.key = call.key();
    upload.initiated_ms = call.s3.clock.now_millis();
    upload.headers = headers_from_request(req);
    set_encryption(upload.headers, encryption_for_write(req, call.s3.encryption, call.bucket()));
    upload.storage_class = storage_class_of(req);
    if (auto tagging = req.headers.get("x-amz-tagging")) {
        upload.tags = parse_tagging_header(*tagging);
    }
    checksum_choice(req, upload);
    upload.upload_id = new_upload_id(upload.initiated_ms);
    call.s3.store.create_upload(upload);

    protocol::xml_writer w;
    w.open("InitiateMultipartUploadResult", s3_xmlns)
        .element("Bucket", upload.bucket)
        .element("Key", upload.key)
        .element("UploadId", upload.upload_id)
        .close();
    auto res = xml_response(std::move(w).str());
    add_encryption_headers(res, upload.headers);
    if (upload.checksum_algorithm) {
        res.headers.set("x-amz-checksum-algorithm", *upload.checksum_algorithm);
        res.headers.set("x-amz-checksum-type", *upload.checksum_type);
    }
    return res;
}

} // namespace cloudbox::services::s3::ops
