// S3 flexible checksums.
#include "s3/s3_checksums.hpp"

#include "core/encoding.hpp"
#include "s3/s3_errors.hpp"

#include <array>

namespace cloudbox::services::s3 {

namespace {
constexpr std::array<checksum_spec, 4> specs{{
    {"CRC32", core::digest_kind::crc32, "x-amz-checksum-crc32"},
    {"CRC32C", core::digest_kind::crc32c, "x-amz-checksum-crc32c"},
    {"SHA1", core::digest_kind::sha1, "x-amz-checksum-sha1"},
    {"SHA256", core::digest_kind::sha256, "x-amz-checksum-sha256"},
}};
} // namespace

std::optional<checksum_spec> checksum_by_name(std::string_view name) {
    for (const auto& s : specs) {
        if (core::iequals(s.algorithm, name)) {
            return s;
        }
    }
    return std::nullopt;
}

std::optional<checksum_spec> requested_checksum(const service::request& req) {
    if (auto trailer = req.headers.get("x-amz-trailer")) {
        for (const auto& s : specs) {
            if (core::iequals(*trailer, s.header)) {
                return s;
            }
        }
    }
    for (const auto& s : specs) {
        if (req.headers.has(s.header)) {
            return s;
        }
    }
    if (auto alg = req.headers.get("x-amz-sdk-checksum-algorithm")) {
        if (auto s = checksum_by_name(*alg)) {
            return s;
        }
        if (core::iequals(*alg, "CRC64NVME")) {
            throw errors::invalid_request("cloudbox does not support the CRC64NVME checksum "
                                          "algorithm yet.");
        }
        throw errors::invalid_request("Value for x-amz-sdk-checksum-algorithm header is invalid.");
    }
    return std::nullopt;
}

} // namespace cloudbox::services::s3
