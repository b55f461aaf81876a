// Integrity checks on a buffered request body.
#include "s3/s3_body_checks.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "s3/s3_checksums.hpp"
#include "s3/s3_errors.hpp"

namespace cloudbox::services::s3 {

void verify_body_integrity(const service::request& req, bool md5_required) {
    auto md5 = req.headers.get("content-md5");
    if (md5) {
        auto expected = core::base64_decode(*md5);
        if (!expected || expected->size() != 16) {
            throw errors::invalid_digest(std::string(*md5));
        }
        auto computed = core::digest(core::digest_kind::md5, req.body);
        if (*expected != computed) {
            throw errors::bad_digest(std::string(*md5), core::base64_encode(computed));
        }
    }
    // CRC64NVME is accepted as the request's integrity header but not verified (no CRC64 yet).
    bool flexible = req.headers.has("x-amz-sdk-checksum-algorithm") ||
                    req.headers.has("x-amz-checksum-crc64nvme");
    for (auto name : {"CRC32", "CRC32C", "SHA1", "SHA256"}) {
        auto spec = checksum_by_name(name);
        auto value = req.headers.get(spec->header);
        if (!value) {
            continue;
        }
        flexible = true;
        auto expected = core::base64_decode(*value);
        auto computed = core::digest(spec->kind, req.body);
        if (!expected || expected->size() != computed.size()) {
            throw errors::invalid_checksum_header(std::string(spec->header));
        }
        if (*expected != computed) {
            throw errors::checksum_mismatch(std::string(spec->algorithm));
        }
    }
    if (md5_required && !md5 && !flexible) {
        throw errors::missing_content_md5();
    }
}

} // namespace cloudbox::services::s3
